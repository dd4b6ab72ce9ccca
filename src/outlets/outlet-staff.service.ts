import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { inTransaction } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import { Page, fetchPage } from '../common/http/pagination';
import { RegisterWriter } from '../common/registers/register-writer';
import { CreateOutletStaffDto, ListOutletStaffQueryDto, UpdateOutletStaffDto } from './dto/outlet-staff.dto';
import { OUTLET_STAFF } from './outlet-registers';
import { OutletStaffEntity } from './outlet-staff.entity';
import { OutletsService } from './outlets.service';

/** The trained staff on an outlet's qualification file (委外网点培训人员). */
@Injectable()
export class OutletStaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly outlets: OutletsService,
  ) {}

  async list(
    outletId: string,
    query: ListOutletStaffQueryDto,
    user: AuthenticatedUser,
  ): Promise<Page<OutletStaffEntity>> {
    await this.outlets.assertFileReadable(outletId, user);
    const q = this.dataSource
      .getRepository(OutletStaffEntity)
      .createQueryBuilder('s')
      .where('s.outletId = :outletId', { outletId });
    if (query.active !== undefined) q.andWhere('s.active = :active', { active: query.active });
    return fetchPage(q.orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC'), query);
  }

  async create(
    outletId: string,
    dto: CreateOutletStaffDto,
    context: RequestContext,
  ): Promise<OutletStaffEntity> {
    await this.outlets.get(outletId, context.user);
    return inTransaction(this.dataSource, (tx) =>
      this.writer.create(tx, OUTLET_STAFF, { ...dto, outletId }, context),
    );
  }

  async update(
    outletId: string,
    staffId: string,
    dto: UpdateOutletStaffDto,
    context: RequestContext,
  ): Promise<OutletStaffEntity> {
    await this.assertOnFile(outletId, staffId, context.user);
    const { expectedVersion, ...fields } = dto;
    return inTransaction(this.dataSource, (tx) =>
      this.writer.update(tx, OUTLET_STAFF, staffId, expectedVersion, fields, context),
    );
  }

  async delete(
    outletId: string,
    staffId: string,
    expectedVersion: number | undefined,
    context: RequestContext,
  ): Promise<void> {
    await this.assertOnFile(outletId, staffId, context.user);
    await inTransaction(this.dataSource, (tx) =>
      this.writer.delete(tx, OUTLET_STAFF, staffId, expectedVersion, context),
    );
  }

  /** A person on this outlet's file; one on another outlet's file is not found here. */
  private async assertOnFile(outletId: string, staffId: string, user: AuthenticatedUser): Promise<void> {
    await this.outlets.get(outletId, user);
    const onFile = await this.dataSource.getRepository(OutletStaffEntity).existsBy({ id: staffId, outletId });
    if (!onFile) throw new NotFoundError('outlet_staff', staffId);
  }
}
