import type { FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../../auth/authenticated-user';
import { type AuditEntryInput, auditActor } from '../../audit/audit.service';
import type { Clock } from '../clock';
import type { Tx } from '../database/transaction';
import { type DomainError, NotFoundError, VersionConflictError } from '../errors/domain-error';
import { type TransitionAllowed, type TransitionDecision, refusalError } from './transition';

/** What the compare-and-set reads of a workflow record. */
export interface WorkflowRecord<S extends string> {
  id: string;
  status: S;
  version: number;
}

/** What an action does to the record beyond moving its state. */
export interface WorkflowEffect<E> {
  change?: QueryDeepPartialEntity<E>;
  /** What the timeline shows the action entered. */
  details?: Record<string, unknown>;
  reason?: string | null;
}

/** The record an action is on, and how the caller's workflow judges it. */
export interface WorkflowTarget<S extends string, E extends WorkflowRecord<S>> {
  entity: new () => E;
  /** What the record is called in errors and in the audit trail: 'ticket', 'return', 'complaint'. */
  name: string;
  id: string;
  /** Whether the acting user may see the record; one hidden from them is reported as missing. */
  visible: (record: E) => boolean;
  /** The pure workflow's answer to this action on the record as it is. */
  decide: (record: E) => TransitionDecision<S>;
}

/** What the caller asks of the record; a service's own request adds the action and its input. */
export interface WorkflowActionRequest<E, F extends WorkflowEffect<E>> {
  expectedVersion?: number;
  /** Judges the request against the record and says what it changes; may throw a 400 or 409 of its own. */
  effect: (tx: Tx, record: E, now: Date) => Promise<F>;
}

export interface AppliedWorkflowAction<
  S extends string,
  E extends WorkflowRecord<S>,
  F extends WorkflowEffect<E>,
> extends Pick<WorkflowTarget<S, E>, 'name' | 'id'> {
  before: E;
  /** The record as written, read again. */
  after: E;
  decision: TransitionAllowed<S>;
  now: Date;
  effect: F;
}

/**
 * Moves a record by one workflow action in the caller's transaction: the record's visibility (404),
 * the version the caller saw (409), the pure decision, the action's effect, then a compare-and-set on
 * status and version, so that of two racing actions exactly one applies. The caller writes the
 * timeline, audit entry and events.
 */
export async function applyWorkflowAction<
  S extends string,
  E extends WorkflowRecord<S>,
  F extends WorkflowEffect<E>,
>(
  tx: Tx,
  clock: Clock,
  request: WorkflowActionRequest<E, F>,
  target: WorkflowTarget<S, E>,
): Promise<AppliedWorkflowAction<S, E, F>> {
  const { entity, name, id } = target;
  const before = await tx.getRepository(entity).findOneBy(whereId<E>(id));
  if (!before || !target.visible(before)) throw new NotFoundError(name, id);
  if (request.expectedVersion !== undefined && request.expectedVersion !== before.version) {
    throw new VersionConflictError(name, id, request.expectedVersion, before.version);
  }
  const decision = target.decide(before);
  if (!decision.allowed) throw refusalError(decision);

  const now = clock.now();
  const effect = await request.effect(tx, before, now);
  const change: QueryDeepPartialEntity<E> = effect.change ?? {};
  const { affected } = await tx
    .createQueryBuilder()
    .update(entity)
    .set({ ...change, status: decision.to, version: before.version + 1 })
    .where('id = :id AND status = :from AND version = :version', {
      id,
      from: before.status,
      version: before.version,
    })
    .execute();
  if (affected !== 1) throw await lostRace(tx, target, before);

  const after = await tx.getRepository(entity).findOneByOrFail(whereId<E>(id));
  return { name, id, before, after, decision, now, effect };
}

/**
 * Someone changed the record between our read and our write. The action judged again on the record
 * as it is now says why it failed: refused from the new state, or merely a newer version. Any other
 * refusal (the new state asks for a reason, or a ticket's job went to someone else) is still a lost
 * race: a 409, not a 400 or 403 for a request that was valid when it was sent.
 */
async function lostRace<S extends string, E extends WorkflowRecord<S>>(
  tx: Tx,
  target: WorkflowTarget<S, E>,
  before: E,
): Promise<DomainError> {
  const current = await tx.getRepository(target.entity).findOneByOrFail(whereId<E>(before.id));
  const decision = target.decide(current);
  return !decision.allowed && decision.code === 'INVALID_TRANSITION'
    ? refusalError(decision)
    : new VersionConflictError(target.name, before.id, before.version, current.version);
}

/** TypeORM cannot tell that a generic record's id is a column; WorkflowRecord says it is. */
function whereId<E extends WorkflowRecord<string>>(id: string): FindOptionsWhere<E> {
  return { id } as FindOptionsWhere<E>;
}

/** The columns every workflow's timeline shares; each adds the one naming its record. */
export interface WorkflowHistoryEntry<S extends string> {
  action: string;
  fromStatus: S;
  toStatus: S;
  actorId: string;
  actorName: string;
  at: Date;
  reason: string | null;
  details: QueryDeepPartialEntity<Record<string, unknown>>;
}

/** The timeline row of an applied action. */
export function historyEntry<S extends string, E extends WorkflowRecord<S>, F extends WorkflowEffect<E>>(
  applied: AppliedWorkflowAction<S, E, F>,
  action: string,
  context: RequestContext,
): WorkflowHistoryEntry<S> {
  const { decision, effect } = applied;
  return {
    action,
    fromStatus: decision.from,
    toStatus: decision.to,
    actorId: context.user.id,
    actorName: context.user.username,
    at: applied.now,
    reason: effect.reason ?? null,
    details: effect.details ?? {},
  };
}

/** The audit entry of an applied action: the move, what was entered, the reason. */
export function auditEntry<S extends string, E extends WorkflowRecord<S>, F extends WorkflowEffect<E>>(
  applied: AppliedWorkflowAction<S, E, F>,
  action: string,
  context: RequestContext,
): AuditEntryInput {
  const { decision, effect } = applied;
  return {
    actor: auditActor(context),
    action,
    entityType: applied.name,
    entityId: applied.id,
    changes: {
      status: { from: decision.from, to: decision.to },
      ...effect.details,
      reason: effect.reason ?? null,
    },
    requestId: context.requestId,
  };
}
