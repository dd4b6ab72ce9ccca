import { CompanyCalendar } from '../common/company-calendar';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { canSeeOutletRecord } from '../auth/domain/outlet-scope';
import { assertOutletVisible, scopeToOutlet } from '../auth/outlet-scope.query';
import { Tx, inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { assertDateOrder, invalidFields } from '../common/errors/validation-errors';
import type { ExpiringItem } from '../common/expiry/expiry-sources';
import { Page, PageQuery, fetchPage, matchText } from '../common/http/pagination';
import { RegisterWriter } from '../common/registers/register-writer';
import { type Dispatchability, dispatchability } from './domain/dispatchable';
import { outletFileAccess } from './domain/outlet-access';
import { outletFileExpiries, staffCertificateExpiry } from './domain/outlet-expiry';
import { CreateOutletDto, ListOutletsQueryDto, UpdateOutletDto } from './dto/outlet.dto';
import { OUTLETS } from './outlet-registers';
import { OutletStaffEntity } from './outlet-staff.entity';
import { OutletStatusChangeEntity } from './outlet-status-change.entity';
import { OutletEntity } from './outlet.entity';

/**
 * Narrows to outlets that can take jobs on `today`. It states in SQL, for paging, what
 * `dispatchability()` decides for one outlet; the e2e tests hold the two to the same answers.
 */
function whereDispatchable(
  query: SelectQueryBuilder<OutletEntity>,
  dispatchable: boolean,
  today: string,
): void {
  const rule = `(o.status = 'active' AND (o.kind = 'own' OR (
      o.agreementNumber IS NOT NULL
      AND o.agreementValidUntil IS NOT NULL AND o.agreementValidUntil >= :today
      AND (o.agreementValidFrom IS NULL OR o.agreementValidFrom <= :today)
      AND (o.licenceValidUntil IS NULL OR o.licenceValidUntil >= :today))))`;
  query.andWhere(dispatchable ? rule : `NOT ${rule}`, { today });
}

/** Outlets whose coverage includes the region: a covered region covers itself and everything below it. */
function whereCovers(query: SelectQueryBuilder<OutletEntity>, region: string): void {
  query.andWhere(
    `EXISTS (SELECT 1 FROM unnest(o.coverageRegions) AS covered(region)
              WHERE covered.region = :covers OR starts_with(:covers, covered.region || '/'))`,
    { covers: region },
  );
}

/** The service outlets (售后服务网点): the register, its reads for other modules, and its expiring files. */
@Injectable()
export class OutletsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly calendar: CompanyCalendar,
  ) {}

  /** An outlet as the user may see it: another outlet than a bound user's own is not found. */
  findByCode(tx: Tx, code: string): Promise<OutletEntity | null> {
    return tx.getRepository(OutletEntity).findOneBy({ code });
  }

  /** 400 naming the field unless the outlet exists. */
  async assertExists(tx: Tx, outletId: string, field = 'outletId'): Promise<void> {
    if (!(await tx.getRepository(OutletEntity).existsBy({ id: outletId }))) {
      throw invalidFields([{ field, problems: [`${field} must name an existing outlet`] }]);
    }
  }

  /** 400 naming the field unless the outlet is in operation (active, not suspended or closed). */
  async assertOperating(tx: Tx, outletId: string, field = 'outletId'): Promise<void> {
    if (!(await tx.getRepository(OutletEntity).existsBy({ id: outletId, active: true, status: 'active' }))) {
      throw invalidFields([{ field, problems: ['must be an active outlet'] }]);
    }
  }

  /**
   * The outlet a new or changed record belongs to: outlet-bound users keep records in their own outlet
   * (so they can still see them); others may name any existing outlet, or none for head office.
   */
  async outletForRecord(
    tx: Tx,
    viewer: AuthenticatedUser,
    requested: string | null | undefined,
  ): Promise<string | null> {
    const outletId = requested ?? viewer.outletId;
    if (outletId === null) return null;
    if (!canSeeOutletRecord(viewer, outletId)) {
      throw invalidFields([{ field: 'outletId', problems: ['must be an existing outlet'] }]);
    }
    await this.assertExists(tx, outletId, 'outletId');
    return outletId;
  }

  async get(id: string, user: AuthenticatedUser): Promise<OutletEntity> {
    assertOutletVisible(user, 'outlet', id, id);
    const outlet = await this.dataSource.getRepository(OutletEntity).findOneBy({ id });
    if (!outlet) throw new NotFoundError('outlet', id);
    return outlet;
  }

  /** For file attachments: null when there is no such outlet, else whether the user may see it. */
  async visibleTo(id: string, user: AuthenticatedUser): Promise<boolean | null> {
    const exists = await this.dataSource.getRepository(OutletEntity).existsBy({ id });
    return exists ? canSeeOutletRecord(user, id) : null;
  }

  /**
   * Refuses to show an outlet's reviews or qualification file to a user who may not read them
   * (403), or who may not see the outlet at all, or when there is no such outlet (404).
   */
  async assertFileReadable(outletId: string, user: AuthenticatedUser): Promise<void> {
    const access = outletFileAccess(user, outletId);
    if (access === 'forbidden') {
      throw new DomainError(
        'FORBIDDEN',
        "Only managers, auditors, admins and the outlet's own users read its reviews and files",
        { outletId },
      );
    }
    await this.get(outletId, user);
  }

  async list(query: ListOutletsQueryDto, user: AuthenticatedUser): Promise<Page<OutletEntity>> {
    const q = this.dataSource.getRepository(OutletEntity).createQueryBuilder('o');
    scopeToOutlet(q, user, 'o.id');
    matchText(q, ['o.code', 'o.name'], query.q);
    if (query.active !== undefined) q.andWhere('o.active = :active', { active: query.active });
    if (query.kind) q.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.status) q.andWhere('o.status = :status', { status: query.status });
    if (query.region) {
      q.andWhere(
        new Brackets((inner) =>
          inner
            .where('o.region = :region', { region: query.region })
            .orWhere('starts_with(o.region, :below)', {
              below: `${query.region}/`,
            }),
        ),
      );
    }
    if (query.covers) whereCovers(q, query.covers);
    if (query.dispatchable !== undefined) whereDispatchable(q, query.dispatchable, this.calendar.today());
    return fetchPage(q.orderBy('o.code', 'ASC'), query);
  }

  async history(
    id: string,
    page: PageQuery,
    user: AuthenticatedUser,
  ): Promise<Page<OutletStatusChangeEntity>> {
    await this.get(id, user);
    const q = this.dataSource
      .getRepository(OutletStatusChangeEntity)
      .createQueryBuilder('c')
      .where('c.outletId = :id', { id })
      .orderBy('c.changedAt', 'ASC');
    return fetchPage(q, page);
  }

  create(dto: CreateOutletDto, context: RequestContext): Promise<OutletEntity> {
    assertDateOrder(
      ['agreementValidFrom', dto.agreementValidFrom],
      ['agreementValidUntil', dto.agreementValidUntil],
    );
    return inTransaction(this.dataSource, (tx) =>
      this.writer.create(tx, OUTLETS, { ...dto, status: 'proposed' }, context),
    );
  }

  update(id: string, dto: UpdateOutletDto, context: RequestContext): Promise<OutletEntity> {
    assertOutletVisible(context.user, 'outlet', id, id);
    const { expectedVersion, ...fields } = dto;
    return inTransaction(this.dataSource, (tx) =>
      this.writer.update(
        tx,
        OUTLETS,
        id,
        expectedVersion,
        (before) => {
          // Either date may change alone; the pair they make afterwards is what must hold.
          assertDateOrder(
            [
              'agreementValidFrom',
              fields.agreementValidFrom === undefined ? before.agreementValidFrom : fields.agreementValidFrom,
            ],
            [
              'agreementValidUntil',
              fields.agreementValidUntil === undefined
                ? before.agreementValidUntil
                : fields.agreementValidUntil,
            ],
          );
          return fields;
        },
        context,
      ),
    );
  }

  delete(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    assertOutletVisible(context.user, 'outlet', id, id);
    return inTransaction(this.dataSource, (tx) =>
      this.writer.delete(tx, OUTLETS, id, expectedVersion, context),
    );
  }

  /** Whether jobs may be dispatched to the outlet on a day (YYYY-MM-DD, company zone), and why not. */
  async dispatchableOn(outletId: string, today: string): Promise<Dispatchability> {
    const outlet = await this.dataSource.getRepository(OutletEntity).findOneBy({ id: outletId });
    if (!outlet) throw new NotFoundError('outlet', outletId);
    return dispatchability(outlet, today);
  }

  /** The outlets that can take a job in the region on a day: their coverage includes it and they are dispatchable. */
  async coveringRegion(region: string, today: string): Promise<OutletEntity[]> {
    const q = this.dataSource
      .getRepository(OutletEntity)
      .createQueryBuilder('o')
      .where(`o.status = 'active'`);
    whereCovers(q, region);
    const candidates = await q.orderBy('o.code', 'ASC').getMany();
    return candidates.filter((outlet) => dispatchability(outlet, today).dispatchable);
  }

  /**
   * The validities of outlets not closed that end on or before `until`: service agreements, business
   * licences and the certificates of active trained staff.
   */
  async findExpiring(until: string): Promise<ExpiringItem[]> {
    const outlets = await this.dataSource
      .getRepository(OutletEntity)
      .createQueryBuilder('o')
      .where(`o.status <> 'closed'`)
      .andWhere('(o.agreementValidUntil <= :until OR o.licenceValidUntil <= :until)', { until })
      .orderBy('o.code', 'ASC')
      .getMany();
    const staff = await this.dataSource
      .getRepository(OutletStaffEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.outlet', 'o')
      .where(`o.status <> 'closed'`)
      .andWhere('s.active = true')
      .andWhere('s.certificateValidUntil <= :until', { until })
      .orderBy('o.code', 'ASC')
      .addOrderBy('s.name', 'ASC')
      .getMany();
    return [
      ...outlets.flatMap((outlet) => outletFileExpiries(outlet, until)),
      ...staff.flatMap((person) => {
        const item = person.outlet ? staffCertificateExpiry(person.outlet, person, until) : null;
        return item ? [item] : [];
      }),
    ];
  }
}
