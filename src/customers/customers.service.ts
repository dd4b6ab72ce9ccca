import { CompanyCalendar } from '../common/company-calendar';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService, auditActor } from '../audit/audit.service';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { canSeeOutletRecord } from '../auth/domain/outlet-scope';
import { assertOutletVisible, scopeToOutlet } from '../auth/outlet-scope.query';
import { Tx, inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { type FieldProblem, invalidFields } from '../common/errors/validation-errors';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { nationalIdLast4, nationalIdProblems, normalizeNationalId } from '../common/pii/national-id';
import { PiiCipher } from '../common/pii/pii-cipher';
import { Lookup, Reference, matchReferences, referencedIds } from '../common/registers/references';
import { RegisterSpec, RegisterWriter } from '../common/registers/register-writer';
import { OutletsService } from '../outlets/outlets.service';
import { CustomerEntity } from './customer.entity';
import { GENERATED_CODE_PATTERN, nextCustomerCode } from './domain/customer-code';
import { CreateCustomerDto, ListCustomersQueryDto, UpdateCustomerDto, toContact } from './dto/customer.dto';

const CUSTOMERS: RegisterSpec<CustomerEntity> = {
  entity: CustomerEntity,
  type: 'customer',
  // nationalIdLast4 is left out: the trail carries no digit of the ID number.
  auditedFields: [
    'code',
    'kind',
    'name',
    'phone',
    'email',
    'contacts',
    'nationalIdCipher',
    'address',
    'region',
    'zone',
    'outletId',
    'notes',
    'active',
  ],
  secretFields: ['nationalIdCipher'],
};

/** Transaction-scoped lock that hands out generated customer codes one transaction at a time. */
const CUSTOMER_CODE_LOCK_KEY = 27922_0101;

type NationalIdColumns = Pick<CustomerEntity, 'nationalIdCipher' | 'nationalIdLast4'>;

/**
 * The customer register. Users bound to an outlet see and change only that outlet's customers;
 * national ID numbers are kept encrypted and shown in full only to an admin who asks, on the record.
 */
@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly calendar: CompanyCalendar,
    private readonly outlets: OutletsService,
  ) {}

  /** The customers a request names, as the acting user may see them (other outlets' count as missing). */
  async findReferenced(
    tx: Tx,
    viewer: AuthenticatedUser,
    references: readonly Reference[],
  ): Promise<Lookup<CustomerEntity>> {
    const ids = referencedIds(references);
    const rows = ids.length === 0 ? [] : await tx.getRepository(CustomerEntity).findBy({ id: In(ids) });
    return matchReferences(rows, (customer) => customer.outletId, 'customer', viewer, references);
  }

  /**
   * The active customer a new record names, as the acting user may see it; null with the problem noted
   * against `customerId` otherwise (one of another outlet reads as unknown, like a missing one).
   */
  async usableIn(
    tx: Tx,
    viewer: AuthenticatedUser,
    customerId: string,
    problems: FieldProblem[],
  ): Promise<CustomerEntity | null> {
    const lookup = await this.findReferenced(tx, viewer, [{ id: customerId, field: 'customerId' }]);
    const customer = lookup.found.get(customerId);
    if (customer?.active) return customer;
    problems.push({
      field: 'customerId',
      problems: ['customerId must be an active customer of your outlet'],
    });
    return null;
  }

  /** A customer the user may see; one of another outlet is reported as not found. */
  async getVisible(id: string, user: AuthenticatedUser): Promise<CustomerEntity> {
    const customer = await this.dataSource.getRepository(CustomerEntity).findOneBy({ id });
    if (!customer) throw new NotFoundError('customer', id);
    assertOutletVisible(user, 'customer', id, customer.outletId);
    return customer;
  }

  /** null when there is no such customer; otherwise whether the user may see it. */
  async isVisibleTo(id: string, user: AuthenticatedUser): Promise<boolean | null> {
    const customer = await this.dataSource
      .getRepository(CustomerEntity)
      .findOne({ where: { id }, select: { id: true, outletId: true } });
    return customer ? canSeeOutletRecord(user, customer.outletId) : null;
  }

  async list(query: ListCustomersQueryDto, user: AuthenticatedUser): Promise<Page<CustomerEntity>> {
    const q = this.dataSource.getRepository(CustomerEntity).createQueryBuilder('c');
    scopeToOutlet(q, user, 'c.outletId');
    matchText(q, ['c.searchText'], query.q);
    if (query.active !== undefined) q.andWhere('c.active = :active', { active: query.active });
    if (query.kind) q.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.zone) q.andWhere('c.zone = :zone', { zone: query.zone });
    if (query.outletId) q.andWhere('c.outletId = :outletId', { outletId: query.outletId });
    if (query.region) {
      q.andWhere('c.region LIKE :region', { region: `${query.region.replace(/[\\%_]/g, '\\$&')}%` });
    }
    return fetchPage(q.orderBy('c.code', 'ASC'), query);
  }

  /**
   * The customer with this code, for imports that match rows on it. It also takes the code lock, so
   * that an import which goes on to create customers takes the locks in the order every create does
   * (code first, audit chain last) and cannot deadlock with a concurrent create.
   */
  async findByKey(tx: Tx, code: string): Promise<CustomerEntity | null> {
    await this.lockCodes(tx);
    return tx.getRepository(CustomerEntity).findOneBy({ code });
  }

  create(dto: CreateCustomerDto, context: RequestContext): Promise<CustomerEntity> {
    return inTransaction(this.dataSource, (tx) => this.createIn(tx, dto, context));
  }

  async createIn(tx: Tx, dto: CreateCustomerDto, context: RequestContext): Promise<CustomerEntity> {
    const nationalId = dto.nationalId ?? null;
    const sealed = nationalId === null ? null : this.sealNationalId(nationalId);
    const outletId = await this.outletForCreate(tx, dto.outletId ?? null, context.user);
    return this.writer.create(
      tx,
      CUSTOMERS,
      {
        code: dto.code ?? (await this.nextCode(tx)),
        kind: dto.kind,
        name: dto.name,
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        contacts: (dto.contacts ?? []).map(toContact),
        nationalIdCipher: sealed?.nationalIdCipher ?? null,
        nationalIdLast4: sealed?.nationalIdLast4 ?? null,
        address: dto.address ?? null,
        region: dto.region ?? null,
        zone: dto.zone ?? 'urban',
        outletId,
        notes: dto.notes ?? null,
      },
      context,
    );
  }

  update(id: string, dto: UpdateCustomerDto, context: RequestContext): Promise<CustomerEntity> {
    return inTransaction(this.dataSource, (tx) => this.updateIn(tx, id, dto, context));
  }

  async updateIn(
    tx: Tx,
    id: string,
    dto: UpdateCustomerDto,
    context: RequestContext,
  ): Promise<CustomerEntity> {
    const { expectedVersion, nationalId, contacts, outletId, ...fields } = dto;
    const before = await this.lockVisible(tx, id, context.user);
    if (outletId !== undefined && outletId !== before.outletId) {
      await this.assertAssignable(tx, outletId, context.user);
    }
    return this.writer.update(
      tx,
      CUSTOMERS,
      id,
      expectedVersion,
      {
        ...fields,
        ...(contacts === undefined ? {} : { contacts: contacts.map(toContact) }),
        ...(outletId === undefined ? {} : { outletId }),
        ...(nationalId === undefined ? {} : this.replaceNationalId(before, nationalId)),
      },
      context,
    );
  }

  delete(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    return inTransaction(this.dataSource, async (tx) => {
      await this.lockVisible(tx, id, context.user);
      await this.writer.delete(tx, CUSTOMERS, id, expectedVersion, context);
    });
  }

  /** The full ID number, for an admin who asks for it; the access itself goes on the audit trail. */
  revealNationalId(id: string, context: RequestContext): Promise<string | null> {
    return inTransaction(this.dataSource, async (tx) => {
      const customer = await tx.getRepository(CustomerEntity).findOneBy({ id });
      if (!customer) throw new NotFoundError('customer', id);
      assertOutletVisible(context.user, 'customer', id, customer.outletId);
      const nationalId =
        customer.nationalIdCipher === null ? null : this.cipher.decrypt(customer.nationalIdCipher);
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'customer.national_id_revealed',
        entityType: 'customer',
        entityId: id,
        changes: { onFile: nationalId !== null },
        requestId: context.requestId,
      });
      return nationalId;
    });
  }

  /** Locks the record for a change, refusing one of another outlet as not found before any version check. */
  private async lockVisible(tx: Tx, id: string, user: AuthenticatedUser): Promise<CustomerEntity> {
    const customer = await this.writer.lockForChange(tx, CUSTOMERS, id, undefined);
    assertOutletVisible(user, 'customer', id, customer.outletId);
    return customer;
  }

  /** A user bound to an outlet creates for that outlet; anyone else for the outlet they name, or none. */
  private async outletForCreate(
    tx: Tx,
    requested: string | null,
    user: AuthenticatedUser,
  ): Promise<string | null> {
    if (user.outletId !== null && requested === null) return user.outletId;
    if (requested !== null) await this.assertAssignable(tx, requested, user);
    return requested;
  }

  private async assertAssignable(tx: Tx, outletId: string | null, user: AuthenticatedUser): Promise<void> {
    if (user.outletId !== null && outletId !== user.outletId) {
      throw new DomainError('FORBIDDEN', 'Users of an outlet keep customers in their own outlet', {
        field: 'outletId',
      });
    }
    if (outletId !== null) await this.outlets.assertOperating(tx, outletId);
  }

  /** Validates and encrypts an ID number; the clear value goes no further than this. */
  private sealNationalId(value: string): NationalIdColumns {
    const id = normalizeNationalId(value);
    const problems = nationalIdProblems(id, this.calendar.today());
    if (problems.length > 0) throw invalidFields([{ field: 'nationalId', problems }]);
    return { nationalIdCipher: this.cipher.encrypt(id), nationalIdLast4: nationalIdLast4(id) };
  }

  /** The columns for a new ID number; the same number again changes nothing (no new ciphertext, no version). */
  private replaceNationalId(before: CustomerEntity, value: string | null): Partial<NationalIdColumns> {
    if (value === null) return { nationalIdCipher: null, nationalIdLast4: null };
    const sealed = this.sealNationalId(value);
    const unchanged =
      before.nationalIdCipher !== null &&
      this.cipher.decrypt(before.nationalIdCipher) === normalizeNationalId(value);
    return unchanged ? {} : sealed;
  }

  /**
   * The next KH000001-style code. The advisory lock, held to commit, makes concurrent creates take
   * turns, and each reads the highest code only once the one before it has committed.
   */
  private async nextCode(tx: Tx): Promise<string> {
    await this.lockCodes(tx);
    const highest = await tx
      .getRepository(CustomerEntity)
      .createQueryBuilder('c')
      .select('c.code', 'code')
      .where('c.code ~ :pattern', { pattern: GENERATED_CODE_PATTERN.source })
      .orderBy('c.code', 'DESC')
      .limit(1)
      .getRawOne<{ code: string }>();
    const next = nextCustomerCode(highest?.code ?? null);
    if (next === null) throw new DomainError('CONFLICT', 'Generated customer codes are used up; give a code');
    return next;
  }

  private async lockCodes(tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CUSTOMER_CODE_LOCK_KEY]);
  }
}
