import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { FieldProblem } from '../../common/errors/validation-errors';
import {
  type TransitionDecision,
  type TransitionRule,
  decideTransition,
  requiredTextProblems,
} from '../../common/workflow/transition';
import type { Role } from '../../users/domain/roles';
import { type ComplaintStatus, REASON_MAX_LENGTH, TEXT_MAX_LENGTH } from './complaint-fields';

export const COMPLAINT_ACTIONS = ['acknowledge', 'investigate', 'resolve', 'close', 'escalate'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** What an actor may send with an action; each action requires its own part of it. */
export interface ComplaintActionInput {
  note?: string | null;
  rootCause?: string | null;
  remedy?: string | null;
  correctiveAction?: string | null;
  customerAccepted?: boolean | null;
  reason?: string | null;
}
type InputField = keyof ComplaintActionInput;

export interface ComplaintTransitionRule extends TransitionRule<ComplaintStatus> {
  requires: readonly InputField[];
}

/** The hotline registers complaints; the service manager may too. */
export const COMPLAINT_INTAKE: readonly Role[] = ['agent', 'manager'];
/** Who reads complaints: the desk, the managers and the auditors (technicians and IT do not). */
export const COMPLAINT_READERS: readonly Role[] = ['agent', 'dispatcher', 'manager', 'auditor'];

/** Open complaints, whose resolution is still due and which may be escalated. */
const OPEN: readonly ComplaintStatus[] = ['received', 'acknowledged', 'investigating'];

/**
 * SPEC §3.4 as a table: received → acknowledged → investigating → resolved → closed, and a manual
 * escalation to the managers while the complaint is open. The hotline acknowledges (the first answer
 * to the customer), closes (the call-back that asks whether the customer accepts) and escalates; the
 * investigation and its conclusions (root cause, remedy, corrective action) are the service manager's.
 */
export const COMPLAINT_WORKFLOW: Readonly<Record<ComplaintAction, ComplaintTransitionRule>> = {
  acknowledge: { from: ['received'], to: 'acknowledged', roles: ['agent', 'manager'], requires: [] },
  investigate: { from: ['acknowledged'], to: 'investigating', roles: ['manager'], requires: [] },
  resolve: {
    from: ['investigating'],
    to: 'resolved',
    roles: ['manager'],
    requires: ['rootCause', 'remedy', 'correctiveAction'],
  },
  close: { from: ['resolved'], to: 'closed', roles: ['agent', 'manager'], requires: ['customerAccepted'] },
  escalate: { from: OPEN, to: 'unchanged', roles: ['agent', 'manager'], requires: ['reason'] },
};

export interface ComplaintTransitionRequest {
  status: ComplaintStatus;
  action: ComplaintAction;
  actor: Pick<AuthenticatedUser, 'roles'>;
  input: ComplaintActionInput;
}

function fieldProblems(field: InputField, value: unknown): FieldProblem[] {
  if (typeof value === 'string') {
    return requiredTextProblems(field, value, field === 'reason' ? REASON_MAX_LENGTH : TEXT_MAX_LENGTH);
  }
  return value === null || value === undefined ? [{ field, problems: [`${field} is required`] }] : [];
}

function inputProblems(rule: ComplaintTransitionRule, request: ComplaintTransitionRequest): FieldProblem[] {
  const { input } = request;
  const problems = rule.requires.flatMap((field) => fieldProblems(field, input[field]));
  // A customer who does not accept the outcome: the file says what they said and why it closes anyway.
  if (request.action === 'close' && input.customerAccepted === false) {
    if ((input.note?.trim() ?? '') === '') {
      problems.push({ field: 'note', problems: ['note is required when the customer does not accept'] });
    }
  }
  return problems;
}

/**
 * May this actor take this action on a complaint in this state, and where does it lead? Checked in
 * order: the role (403), the required input (400), then the state (409 INVALID_TRANSITION).
 */
export function decideComplaintTransition(
  request: ComplaintTransitionRequest,
): TransitionDecision<ComplaintStatus> {
  const rule = COMPLAINT_WORKFLOW[request.action];
  return decideTransition({
    entity: 'complaint',
    action: request.action,
    rule,
    status: request.status,
    actorRoles: request.actor.roles,
    inputProblems: inputProblems(rule, request),
  });
}
