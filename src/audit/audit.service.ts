import type { RequestContext } from '../auth/authenticated-user';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Tx, inTransaction } from '../common/database/transaction';
import { Page, PageQuery, fetchPage } from '../common/http/pagination';
import { AuditLogEntity, chainedFields } from './audit-log.entity';
import { CHAIN_START, ChainCursor, GENESIS_HASH, checkEntry, entryHash } from './domain/hash-chain';

/** Transaction-scoped lock that keeps the chain a single line: writers append one after another. */
const AUDIT_CHAIN_LOCK_KEY = 27922_0002;
const VERIFY_BATCH = 2000;

export interface AuditActor {
  id: string | null;
  username: string | null;
}

/** The actor of what the system does on its own (jobs, start-up). */
export const SYSTEM_ACTOR: AuditActor = { id: null, username: 'system' };

/** The acting user of a request, as the audit trail records it. */
export function auditActor(context: RequestContext): AuditActor {
  return { id: context.user.id, username: context.user.username };
}

export interface AuditEntryInput {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string | null;
  changes?: Record<string, unknown>;
  requestId?: string | null;
}

export interface AuditLogFilter extends PageQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq?: string;
  /** The sequence of the last entry checked (null for an empty log): with headHash it pins the chain. */
  headSeq: string | null;
  /** The hash of the last entry checked: written down elsewhere (an audit pack, a report), it pins the whole chain. */
  headHash: string;
}

/** JSON round trip: what we hash is exactly what jsonb gives back (no undefined, dates as strings). */
function jsonSafe(changes: Record<string, unknown> | undefined): Record<string, unknown> {
  return JSON.parse(JSON.stringify(changes ?? {})) as Record<string, unknown>;
}

function chainHead(cursor: ChainCursor, checked: number): Pick<VerifyResult, 'headSeq' | 'headHash'> {
  return {
    headSeq: checked > 0 ? (cursor.nextSeq - 1n).toString() : null,
    headHash: cursor.lastHash,
  };
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry inside the caller's transaction, so a change that rolls back leaves no entry.
   * Call it as the last write of the use case: the chain lock is held until commit.
   */
  async append(tx: Tx, input: AuditEntryInput): Promise<AuditLogEntity> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    const last = await tx
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .select(['a.seq', 'a.hash'])
      .orderBy('a.seq', 'DESC')
      .limit(1)
      .getOne();
    const entry = new AuditLogEntity();
    entry.seq = String(last ? BigInt(last.seq) + 1n : 1n);
    entry.at = new Date();
    entry.actorId = input.actor.id;
    entry.actorName = input.actor.username;
    entry.action = input.action;
    entry.entityType = input.entityType;
    entry.entityId = input.entityId;
    entry.changes = jsonSafe(input.changes);
    entry.requestId = input.requestId ?? null;
    entry.prevHash = last?.hash ?? GENESIS_HASH;
    entry.hash = entryHash(entry.prevHash, chainedFields(entry));
    // jsonb columns defeat TypeORM's deep-partial typing; the entity is complete here.
    await tx.getRepository(AuditLogEntity).insert(entry as QueryDeepPartialEntity<AuditLogEntity>);
    return entry;
  }

  /** Appends in a transaction of its own, for events with no other write (a failed login). */
  appendAlone(input: AuditEntryInput): Promise<AuditLogEntity> {
    return inTransaction(this.dataSource, (tx) => this.append(tx, input));
  }

  async list(filter: AuditLogFilter): Promise<Page<AuditLogEntity>> {
    const query = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (filter.entityType) query.andWhere('a.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('a.entityId = :entityId', { entityId: filter.entityId });
    if (filter.actorId) query.andWhere('a.actorId = :actorId', { actorId: filter.actorId });
    if (filter.from) query.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('a.at < :to', { to: filter.to });
    return fetchPage(query.orderBy('a.seq', 'DESC'), filter);
  }

  /** Walks the whole chain in sequence order, in batches, and reports the first entry that does not fit. */
  async verify(): Promise<VerifyResult> {
    const repository = this.dataSource.getRepository(AuditLogEntity);
    let cursor: ChainCursor = CHAIN_START;
    let checked = 0;
    for (;;) {
      const batch = await repository
        .createQueryBuilder('a')
        .where('a.seq >= :from', { from: cursor.nextSeq.toString() })
        .orderBy('a.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      for (const entry of batch) {
        const next = checkEntry(cursor, {
          ...chainedFields(entry),
          prevHash: entry.prevHash,
          hash: entry.hash,
        });
        if (!next) {
          return {
            ok: false,
            checked,
            firstBrokenSeq: cursor.nextSeq.toString(),
            ...chainHead(cursor, checked),
          };
        }
        cursor = next;
        checked += 1;
      }
      if (batch.length < VERIFY_BATCH) return { ok: true, checked, ...chainHead(cursor, checked) };
    }
  }
}
