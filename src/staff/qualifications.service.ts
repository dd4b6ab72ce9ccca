import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasAnyRole, type AuthenticatedUser, type RequestContext } from '../auth/authenticated-user';
import { scopeToOutlet } from '../auth/outlet-scope.query';
import { inTransaction, type Tx } from '../common/database/transaction';
import { NotFoundError } from '../common/errors/domain-error';
import { assertDateOrder } from '../common/errors/validation-errors';
import type { ExpiringItem } from '../common/expiry/expiry-sources';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { assertFound } from '../common/registers/references';
import { RegisterSpec, RegisterWriter } from '../common/registers/register-writer';
import { UsersService } from '../users/users.service';
import { CompanyCalendar } from '../common/company-calendar';
import { addDays, type CalendarDate } from '../common/calendar';
import {
  EXPIRING_WITHIN_DAYS,
  technicianQualification,
  type CertificateStatus,
  type TechnicianQualification,
} from './domain/qualification-status';
import { QUALIFICATION_READERS, canSeePersonRecord } from './domain/staff-access';
import {
  CreateQualificationDto,
  ListQualificationsQueryDto,
  QualificationWithHolder,
  TechnicianQualificationQueryDto,
  TechnicianQualificationView,
  UpdateQualificationDto,
} from './dto/qualification.dto';
import { QualificationEntity } from './qualification.entity';

const QUALIFICATIONS: RegisterSpec<QualificationEntity> = {
  entity: QualificationEntity,
  type: 'qualification',
  auditedFields: [
    'userId',
    'type',
    'certificateNumber',
    'issuer',
    'issuedOn',
    'validUntil',
    'productCategories',
    'active',
  ],
};

/** The SQL twin of certificateStatus(), for the list filter. */
function statusCondition(status: CertificateStatus): string {
  switch (status) {
    case 'no_expiry':
      return 'q.validUntil IS NULL';
    case 'expired':
      return 'q.validUntil < :today';
    case 'expiring':
      return 'q.validUntil >= :today AND q.validUntil <= :warnUntil';
    case 'valid':
      return 'q.validUntil > :warnUntil';
  }
}

/** Staff certificates (资格证书) and what they qualify their holders for. */
@Injectable()
export class QualificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly calendar: CompanyCalendar,
    private readonly users: UsersService,
  ) {}

  get(id: string, viewer: AuthenticatedUser): Promise<QualificationWithHolder> {
    return this.findVisible(this.dataSource.manager, id, viewer);
  }

  /** Null when there is no such certificate; otherwise whether the user may see it. */
  async isVisibleTo(id: string, viewer: AuthenticatedUser): Promise<boolean | null> {
    const qualification = await this.load(this.dataSource.manager, id);
    return qualification && canSeePersonRecord(viewer, qualification.user, QUALIFICATION_READERS);
  }

  async list(
    query: ListQualificationsQueryDto,
    viewer: AuthenticatedUser,
  ): Promise<Page<QualificationWithHolder>> {
    const today = this.calendar.today();
    const q = this.dataSource
      .getRepository(QualificationEntity)
      .createQueryBuilder('q')
      .innerJoinAndSelect('q.user', 'u');
    // Everyone may list their own certificates; only readers see other people's.
    if (hasAnyRole(viewer, QUALIFICATION_READERS)) scopeToOutlet(q, viewer, 'u.outletId');
    else q.andWhere('q.userId = :self', { self: viewer.id });
    matchText(q, ['q.type', 'q.certificateNumber', 'u.displayName'], query.q);
    if (query.active !== undefined) q.andWhere('q.active = :active', { active: query.active });
    if (query.userId) q.andWhere('q.userId = :userId', { userId: query.userId });
    if (query.type) q.andWhere('q.type = :type', { type: query.type });
    if (query.productCategory) {
      q.andWhere(':category = ANY(q.productCategories)', { category: query.productCategory });
    }
    if (query.status) {
      q.andWhere(statusCondition(query.status), {
        today,
        warnUntil: addDays(today, EXPIRING_WITHIN_DAYS),
      });
    }
    q.orderBy('q.validUntil', 'ASC', 'NULLS LAST').addOrderBy('q.id', 'ASC');
    return (await fetchPage(q, query)) as Page<QualificationWithHolder>;
  }

  create(dto: CreateQualificationDto, context: RequestContext): Promise<QualificationWithHolder> {
    return inTransaction(this.dataSource, async (tx) => {
      assertFound(await this.users.findReferenced(tx, context.user, [{ id: dto.userId, field: 'userId' }]));
      assertDateOrder(['issuedOn', dto.issuedOn], ['validUntil', dto.validUntil]);
      const saved = await this.writer.create(
        tx,
        QUALIFICATIONS,
        { ...dto, productCategories: dto.productCategories ?? [] },
        context,
      );
      return this.findVisible(tx, saved.id, context.user);
    });
  }

  update(id: string, dto: UpdateQualificationDto, context: RequestContext): Promise<QualificationWithHolder> {
    const { expectedVersion, ...fields } = dto;
    return inTransaction(this.dataSource, async (tx) => {
      await this.findVisible(tx, id, context.user);
      await this.writer.update(
        tx,
        QUALIFICATIONS,
        id,
        expectedVersion,
        (before) => {
          assertDateOrder(
            ['issuedOn', fields.issuedOn === undefined ? before.issuedOn : fields.issuedOn],
            ['validUntil', fields.validUntil === undefined ? before.validUntil : fields.validUntil],
          );
          return fields;
        },
        context,
      );
      return this.findVisible(tx, id, context.user);
    });
  }

  delete(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    return inTransaction(this.dataSource, async (tx) => {
      await this.findVisible(tx, id, context.user);
      await this.writer.delete(tx, QUALIFICATIONS, id, expectedVersion, context);
    });
  }

  /** Every active technician the viewer may see, with their standing for a product category on a day. */
  async technicians(
    query: TechnicianQualificationQueryDto,
    on: CalendarDate,
    viewer: AuthenticatedUser,
  ): Promise<TechnicianQualificationView[]> {
    const technicians = await this.users.activeWithRole('technician', viewer, query.outletId);
    const certificates = await this.coveringCertificates(
      technicians.map((technician) => technician.id),
      query.productCategory,
    );
    return technicians.map((technician) => {
      const own = certificates.filter((certificate) => certificate.userId === technician.id);
      return {
        technician,
        certificates: own,
        qualification: technicianQualification(own, query.productCategory, on),
      };
    });
  }

  /** For dispatch: each user's standing for a product category on a day (users without certificates: missing). */
  async qualificationFor(
    userIds: readonly string[],
    category: string,
    on: CalendarDate,
  ): Promise<Map<string, TechnicianQualification>> {
    const certificates = await this.coveringCertificates(userIds, category);
    return new Map(
      userIds.map((userId) => [
        userId,
        technicianQualification(
          certificates.filter((certificate) => certificate.userId === userId),
          category,
          on,
        ),
      ]),
    );
  }

  /** Active certificates ending on or before `until`, of people still working here. */
  async findExpiring(until: CalendarDate): Promise<ExpiringItem[]> {
    const rows = await this.dataSource
      .getRepository(QualificationEntity)
      .createQueryBuilder('q')
      .innerJoinAndSelect('q.user', 'u')
      .where('q.active = true AND u.disabled = false')
      .andWhere('q.validUntil <= :until', { until })
      .orderBy('q.validUntil', 'ASC')
      .getMany();
    return (rows as QualificationWithHolder[]).flatMap(({ id, user, type, certificateNumber, validUntil }) =>
      validUntil === null
        ? []
        : [
            {
              subjectType: 'qualification',
              subjectId: id,
              item: 'certificate',
              validUntil,
              description: `${user.displayName}的${type}（证书编号 ${certificateNumber}）`,
            },
          ],
    );
  }

  private async coveringCertificates(
    userIds: readonly string[],
    category: string,
  ): Promise<QualificationEntity[]> {
    if (userIds.length === 0) return [];
    return this.dataSource
      .getRepository(QualificationEntity)
      .createQueryBuilder('q')
      .where('q.userId IN (:...userIds)', { userIds })
      .andWhere('q.active = true')
      .andWhere(':category = ANY(q.productCategories)', { category })
      .orderBy('q.validUntil', 'DESC', 'NULLS FIRST')
      .getMany();
  }

  /** The holder is a required reference, so it is always there to load. */
  private async load(tx: Tx, id: string): Promise<QualificationWithHolder | null> {
    const qualification = await tx
      .getRepository(QualificationEntity)
      .findOne({ where: { id }, relations: { user: true } });
    return qualification as QualificationWithHolder | null;
  }

  private async findVisible(tx: Tx, id: string, viewer: AuthenticatedUser): Promise<QualificationWithHolder> {
    const qualification = await this.load(tx, id);
    if (!qualification || !canSeePersonRecord(viewer, qualification.user, QUALIFICATION_READERS)) {
      throw new NotFoundError('qualification', id);
    }
    return qualification;
  }
}
