import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { NotFoundError } from '../common/errors/domain-error';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { inTransaction } from '../common/database/transaction';
import { RegisterSpec, RegisterWriter } from '../common/registers/register-writer';
import { CreateSupplierDto, ListSuppliersQueryDto, UpdateSupplierDto } from './dto/supplier.dto';
import { SupplierEntity } from './supplier.entity';

const SUPPLIERS: RegisterSpec<SupplierEntity> = {
  entity: SupplierEntity,
  type: 'supplier',
  auditedFields: [
    'code',
    'name',
    'kind',
    'scope',
    'contactName',
    'phone',
    'email',
    'address',
    'qualifiedOn',
    'qualifiedUntil',
    'rating',
    'notes',
    'active',
  ],
};

/** The qualified supplier list (合格供方名录). */
@Injectable()
export class SuppliersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
  ) {}

  async get(id: string): Promise<SupplierEntity> {
    const supplier = await this.dataSource.getRepository(SupplierEntity).findOneBy({ id });
    if (!supplier) throw new NotFoundError('supplier', id);
    return supplier;
  }

  exists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(SupplierEntity).existsBy({ id });
  }

  async list(query: ListSuppliersQueryDto): Promise<Page<SupplierEntity>> {
    const q = this.dataSource.getRepository(SupplierEntity).createQueryBuilder('s');
    matchText(q, ['s.code', 's.name', 's.scope'], query.q);
    if (query.active !== undefined) q.andWhere('s.active = :active', { active: query.active });
    if (query.kind) q.andWhere('s.kind = :kind', { kind: query.kind });
    if (query.qualifiedOn) {
      q.andWhere('s.qualifiedOn <= :on AND (s.qualifiedUntil IS NULL OR s.qualifiedUntil >= :on)', {
        on: query.qualifiedOn,
      });
    }
    return fetchPage(q.orderBy('s.code', 'ASC'), query);
  }

  create(dto: CreateSupplierDto, context: RequestContext): Promise<SupplierEntity> {
    return inTransaction(this.dataSource, (tx) => this.writer.create(tx, SUPPLIERS, dto, context));
  }

  update(id: string, dto: UpdateSupplierDto, context: RequestContext): Promise<SupplierEntity> {
    const { expectedVersion, ...fields } = dto;
    return inTransaction(this.dataSource, (tx) =>
      this.writer.update(tx, SUPPLIERS, id, expectedVersion, fields, context),
    );
  }

  delete(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    return inTransaction(this.dataSource, (tx) =>
      this.writer.delete(tx, SUPPLIERS, id, expectedVersion, context),
    );
  }
}
