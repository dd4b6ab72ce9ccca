import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { FieldProblem } from '../../common/errors/validation-errors';
import {
  type TransitionDecision,
  decideTransition,
  requiredTextProblems,
} from '../../common/workflow/transition';
import type { Role } from '../../users/domain/roles';
import {
  type ContactMethod,
  type FollowUpKind,
  type FollowUpStatus,
  type ProblemAction,
  REASON_MAX_LENGTH,
  TEXT_MAX_LENGTH,
  UNREACHABLE_AFTER_ATTEMPTS,
} from './follow-up-fields';

export const FOLLOW_UP_ACTIONS = [
  'assign',
  'record_attempt',
  'mark_unreachable',
  'complete',
  'cancel',
] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

export interface FollowUpTransitionRule {
  from: readonly FollowUpStatus[];
  /** 'unchanged': recorded without moving the visit (an assignment, an attempt short of the limit). */
  to: FollowUpStatus | 'unchanged';
  roles: readonly Role[];
}

/**
 * SPEC §3.3 as a table: pending → completed | unreachable | cancelled. The customer-care desk (service
 * managers and the hotline) makes the calls; a technician may record an inspection given to them.
 */
export const FOLLOW_UP_WORKFLOW: Readonly<Record<FollowUpAction, FollowUpTransitionRule>> = {
  assign: { from: ['pending'], to: 'unchanged', roles: ['manager'] },
  // The last allowed attempt moves the visit to unreachable (see afterAttempt).
  record_attempt: { from: ['pending'], to: 'unchanged', roles: ['manager', 'agent', 'technician'] },
  mark_unreachable: { from: ['pending'], to: 'unreachable', roles: ['manager', 'agent'] },
  complete: { from: ['pending'], to: 'completed', roles: ['manager', 'agent', 'technician'] },
  cancel: { from: ['pending'], to: 'cancelled', roles: ['manager'] },
};

/** What the workflow reads of a visit. */
export interface WorkflowFollowUp {
  kind: FollowUpKind;
  status: FollowUpStatus;
  assigneeId: string | null;
}

/**
 * May this actor take this action on the visit now, and where does it lead? The role (403); a user
 * acting only as a technician only on an inspection assigned to them (403); the required input (400,
 * judged by the caller's own rules); then the state (409 INVALID_TRANSITION).
 */
export function decideFollowUpTransition(request: {
  followUp: WorkflowFollowUp;
  action: FollowUpAction;
  actor: Pick<AuthenticatedUser, 'id' | 'roles'>;
  inputProblems?: readonly FieldProblem[];
}): TransitionDecision<FollowUpStatus> {
  const { followUp, action, actor } = request;
  const rule = FOLLOW_UP_WORKFLOW[action];
  const actingAs = actor.roles.filter((role) => rule.roles.includes(role));
  if (
    actingAs.length > 0 &&
    actingAs.every((role) => role === 'technician') &&
    (followUp.kind !== 'inspection' || followUp.assigneeId !== actor.id)
  ) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      message: `Only the assigned technician may ${action} this inspection`,
      chinese: '维修人员只能处理派给自己的巡检',
      details: { action, reason: 'not_assigned' },
    };
  }
  return decideTransition({
    entity: 'follow-up',
    action,
    rule,
    status: followUp.status,
    actorRoles: actor.roles,
    inputProblems: request.inputProblems ?? [],
  });
}

/** Where a failed attempt leaves the visit: the attempt that reaches the limit makes it unreachable. */
export function afterAttempt(attemptsBefore: number): { attempts: number; status: FollowUpStatus } {
  const attempts = attemptsBefore + 1;
  return { attempts, status: attempts >= UNREACHABLE_AFTER_ATTEMPTS ? 'unreachable' : 'pending' };
}

/** What a completion sends, as the workflow judges it (types are the DTO's business). */
export interface CompletionInput {
  method?: ContactMethod | null;
  contactedAt?: Date | null;
  satisfied?: boolean | null;
  score?: number | null;
  comments?: string | null;
  action?: ProblemAction | null;
  complaint?: object | null;
  findings?: string | null;
  openTicket?: object | null;
}

const present = (value: unknown): boolean => value !== null && value !== undefined;

function required(field: keyof CompletionInput, input: CompletionInput): FieldProblem[] {
  return present(input[field]) ? [] : [{ field, problems: [`${field} is required`] }];
}

function absent(field: keyof CompletionInput, input: CompletionInput, why: string): FieldProblem[] {
  return present(input[field]) ? [{ field, problems: [`${field} ${why}`] }] : [];
}

/**
 * What a completion must say, by kind. A follow-up records how and when the customer was reached,
 * whether they are satisfied and their score; a dissatisfied customer's comments and what happens
 * next (`action`: reopen the ticket, open a complaint with its category, or nothing) are required, and
 * a satisfied one leads to no action. An inspection records its visit and findings, and may open a
 * repair ticket for what it found.
 */
export function completionProblems(kind: FollowUpKind, input: CompletionInput): FieldProblem[] {
  const problems: FieldProblem[] = [...required('contactedAt', input)];
  if (kind === 'inspection') {
    problems.push(
      ...requiredTextProblems('findings', input.findings, TEXT_MAX_LENGTH),
      ...absent('action', input, 'is for follow-ups; an inspection may open a ticket (openTicket)'),
      ...absent('complaint', input, 'is for follow-ups'),
    );
    return problems;
  }
  problems.push(
    ...required('method', input),
    ...required('satisfied', input),
    ...required('score', input),
    ...absent('findings', input, 'is for inspections'),
    ...absent('openTicket', input, 'is for inspections; a follow-up reopens the ticket (action)'),
  );
  if (input.satisfied === true) {
    if (present(input.action) && input.action !== 'none') {
      problems.push({ field: 'action', problems: ['action must be none when the customer is satisfied'] });
    }
  } else if (input.satisfied === false) {
    problems.push(...required('action', input));
    problems.push(...requiredTextProblems('comments', input.comments, TEXT_MAX_LENGTH));
  }
  if (input.action === 'open_complaint') problems.push(...required('complaint', input));
  else problems.push(...absent('complaint', input, 'is only for action open_complaint'));
  return mergeFieldProblems(problems);
}

/** One entry per field, its problems together (a field may fail two rules). */
export function mergeFieldProblems(problems: FieldProblem[]): FieldProblem[] {
  const byField = new Map<string, string[]>();
  for (const { field, problems: list } of problems) {
    byField.set(field, [...(byField.get(field) ?? []), ...list]);
  }
  return [...byField].map(([field, list]) => ({ field, problems: [...new Set(list)] }));
}

/** The reason a reopened ticket is given: the follow-up's number and what the customer said. */
export function reopenReason(number: string, comments: string): string {
  const text = `回访 ${number} 客户不满意：${comments.trim()}`;
  return text.length <= REASON_MAX_LENGTH ? text : `${text.slice(0, REASON_MAX_LENGTH - 1)}…`;
}
