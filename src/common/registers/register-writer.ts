import { Injectable } from '@nestjs/common';
import type { DeepPartial, EntityTarget } from 'typeorm';
import type { RequestContext } from '../../auth/authenticated-user';
import { AuditService, auditActor } from '../../audit/audit.service';
import { describeChanges } from '../../audit/domain/describe-changes';
import { DomainError, NotFoundError, VersionConflictError } from '../errors/domain-error';
import type { Tx } from '../database/transaction';
import type { RegisterRecord } from './register-record';

/** What the writer needs to know about one register. */
export interface RegisterSpec<T extends RegisterRecord> {
  entity: EntityTarget<T>;
  /** The name used in audit entries and errors, e.g. `supplier`. */
  type: string;
  /** The fields whose changes the audit trail records. */
  auditedFields: readonly (keyof T & string)[];
  /** Audited only as "changed": their values never enter the trail. */
  secretFields?: readonly (keyof T & string)[];
}

export type Patch<T> = Partial<T> | ((before: T) => Partial<T> | Promise<Partial<T>>);

export interface ReferenceCount {
  table: string;
  column: string;
  count: number;
}

/**
 * Create, change and delete for every register, inside the caller's transaction: the version check,
 * the audit entry and the refusal to delete what other records refer to are the same everywhere.
 */
@Injectable()
export class RegisterWriter {
  constructor(private readonly audit: AuditService) {}

  async create<T extends RegisterRecord>(
    tx: Tx,
    spec: RegisterSpec<T>,
    fields: NoInfer<DeepPartial<T>>,
    context: RequestContext,
  ): Promise<T> {
    const repository = tx.getRepository(spec.entity);
    const saved = await repository.save(repository.create(fields));
    await this.audit.append(tx, {
      actor: auditActor(context),
      action: `${spec.type}.created`,
      entityType: spec.type,
      entityId: saved.id,
      changes: snapshot(saved, spec),
      requestId: context.requestId,
    });
    return saved;
  }

  /** Reads a record under a row lock, checking the version the client read when it sent one. */
  async lockForChange<T extends RegisterRecord>(
    tx: Tx,
    spec: RegisterSpec<T>,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<T> {
    const record = await tx
      .getRepository(spec.entity)
      .createQueryBuilder('record')
      .setLock('pessimistic_write')
      .where('record.id = :id', { id })
      .getOne();
    if (!record) throw new NotFoundError(spec.type, id);
    if (expectedVersion !== undefined && expectedVersion !== record.version) {
      throw new VersionConflictError(spec.type, id, expectedVersion, record.version);
    }
    return record;
  }

  /**
   * Applies a change: fields left undefined keep their value. A change that changes nothing writes
   * nothing (no new version, no audit entry); otherwise the version goes up by one.
   */
  async update<T extends RegisterRecord>(
    tx: Tx,
    spec: RegisterSpec<T>,
    id: string,
    expectedVersion: number | undefined,
    patch: NoInfer<Patch<T>>,
    context: RequestContext,
    action = 'updated',
  ): Promise<T> {
    const before = await this.lockForChange(tx, spec, id, expectedVersion);
    const fields = typeof patch === 'function' ? await patch(before) : patch;
    const after: T = { ...before, ...definedOnly(fields) };
    const changes = describeChanges(before, after, spec.auditedFields, spec.secretFields ?? []);
    if (Object.keys(changes).length === 0) return before;
    after.version = before.version + 1;
    const saved = await tx.getRepository(spec.entity).save(after);
    await this.audit.append(tx, {
      actor: auditActor(context),
      action: `${spec.type}.${action}`,
      entityType: spec.type,
      entityId: id,
      changes,
      requestId: context.requestId,
    });
    return saved;
  }

  /** Deletes a record nothing refers to; one that is referred to must be deactivated instead. */
  async delete<T extends RegisterRecord>(
    tx: Tx,
    spec: RegisterSpec<T>,
    id: string,
    expectedVersion: number | undefined,
    context: RequestContext,
  ): Promise<void> {
    const record = await this.lockForChange(tx, spec, id, expectedVersion);
    const table = tx.getRepository(spec.entity).metadata.tableName;
    const references = await countReferences(tx, table, id);
    if (references.length > 0) {
      throw new DomainError(
        'RECORD_IN_USE',
        `${spec.type} ${id} is referred to by other records; deactivate it instead`,
        { references },
      );
    }
    await tx.getRepository(spec.entity).delete(id);
    await this.audit.append(tx, {
      actor: auditActor(context),
      action: `${spec.type}.deleted`,
      entityType: spec.type,
      entityId: id,
      changes: snapshot(record, spec),
      requestId: context.requestId,
    });
  }
}

function definedOnly<T>(fields: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The audited fields of a record as the trail keeps them on create and delete; secrets only as set or not. */
function snapshot<T extends RegisterRecord>(record: T, spec: RegisterSpec<T>): Record<string, unknown> {
  const secret = spec.secretFields ?? [];
  return Object.fromEntries(
    spec.auditedFields.map((field) => {
      const value = record[field] ?? null;
      return [field, secret.includes(field) ? { set: value !== null } : value];
    }),
  );
}

/**
 * Counts the rows that refer to a record: through every foreign key to its table, and through
 * attachments, which link to any record by type and id.
 */
export async function countReferences(tx: Tx, table: string, id: string): Promise<ReferenceCount[]> {
  const foreignKeys: { table: string; column: string }[] = await tx.query(
    `SELECT src.relname AS "table", att.attname AS "column"
       FROM pg_constraint c
       JOIN pg_class src ON src.oid = c.conrelid
       JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = $1::regclass AND cardinality(c.conkey) = 1
      ORDER BY 1, 2`,
    [table],
  );
  const candidates = [...foreignKeys, { table: 'attachments', column: 'owner_id' }];
  const counts: ReferenceCount[] = [];
  for (const { table: source, column } of candidates) {
    // Names come from the catalog above, never from a request.
    const [row] = await tx.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${source}" WHERE "${column}" = $1`,
      [id],
    );
    if (row && row.count > 0) counts.push({ table: source, column, count: row.count });
  }
  return counts;
}
