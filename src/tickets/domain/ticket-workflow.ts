import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { FieldProblem } from '../../common/errors/validation-errors';
import {
  type TransitionDecision,
  decideTransition,
  requiredTextProblems,
} from '../../common/workflow/transition';
import type { Role } from '../../users/domain/roles';
import { REASON_MAX_LENGTH, TEXT_MAX_LENGTH, type TicketStatus } from './ticket-fields';

export const TICKET_ACTIONS = [
  'dispatch',
  'accept',
  'reschedule',
  'check_in',
  'diagnose',
  'log_work',
  'take_back',
  'resolve',
  'hold',
  'resume',
  'close',
  'close_after_follow_up',
  'cancel',
  'reopen',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** What an actor may send with an action; each action requires its own part of it. */
export interface TicketActionInput {
  technicianId?: string | null;
  reason?: string | null;
  appointmentAt?: Date | null;
  cause?: string | null;
  diagnosis?: string | null;
  startedAt?: Date | null;
  endedAt?: Date | null;
  description?: string | null;
  items?: readonly unknown[] | null;
  outcome?: string | null;
  customerName?: string | null;
  confirmedAt?: Date | null;
  holdReason?: string | null;
}
type InputField = keyof TicketActionInput;

export interface TicketTransitionRule {
  from: readonly TicketStatus[];
  /** 'unchanged': recorded without moving the ticket; 'before_hold': back where the hold found it. */
  to: TicketStatus | 'unchanged' | 'before_hold';
  roles: readonly Role[];
  requires: readonly InputField[];
  /** Required only when the ticket already has a technician in these states (a re-dispatch). */
  reasonWhenReassigning?: readonly TicketStatus[];
}

const WORKING: readonly TicketStatus[] = ['on_site', 'diagnosed'];

/**
 * SPEC §3.1 as a table: reported → dispatched → accepted → on_site → diagnosed → resolved → closed,
 * with on_hold (the resolve clock pauses), taken_back, cancelled, and reopened (dispatched again).
 */
export const TICKET_WORKFLOW: Readonly<Record<TicketAction, TicketTransitionRule>> = {
  dispatch: {
    from: ['reported', 'reopened', 'dispatched', 'accepted'],
    to: 'dispatched',
    roles: ['dispatcher', 'manager'],
    requires: ['technicianId'],
    reasonWhenReassigning: ['dispatched', 'accepted'],
  },
  // Accepting means the technician has contacted the customer and agreed a visit: the response.
  accept: { from: ['dispatched'], to: 'accepted', roles: ['technician'], requires: ['appointmentAt'] },
  reschedule: {
    from: ['accepted'],
    to: 'unchanged',
    roles: ['technician', 'dispatcher'],
    requires: ['appointmentAt', 'reason'],
  },
  check_in: { from: ['accepted'], to: 'on_site', roles: ['technician'], requires: [] },
  diagnose: { from: ['on_site'], to: 'diagnosed', roles: ['technician'], requires: ['cause', 'diagnosis'] },
  log_work: {
    from: WORKING,
    to: 'unchanged',
    roles: ['technician'],
    requires: ['startedAt', 'endedAt', 'description'],
  },
  take_back: { from: WORKING, to: 'taken_back', roles: ['technician'], requires: ['items'] },
  // A repair finished at the depot (taken back) is resolved by the service manager.
  resolve: {
    from: ['diagnosed', 'taken_back'],
    to: 'resolved',
    roles: ['technician', 'manager'],
    requires: ['outcome', 'customerName', 'confirmedAt'],
  },
  hold: {
    from: ['accepted', 'on_site', 'diagnosed', 'taken_back'],
    to: 'on_hold',
    roles: ['technician', 'dispatcher'],
    requires: ['holdReason'],
  },
  resume: { from: ['on_hold'], to: 'before_hold', roles: ['technician', 'dispatcher'], requires: [] },
  close: { from: ['resolved'], to: 'closed', roles: ['manager'], requires: ['reason'] },
  // No endpoint: completing the follow-up visit with the customer satisfied closes the ticket.
  close_after_follow_up: { from: ['resolved'], to: 'closed', roles: ['manager', 'agent'], requires: [] },
  cancel: {
    from: ['reported', 'dispatched', 'accepted', 'reopened'],
    to: 'cancelled',
    roles: ['agent', 'dispatcher', 'manager'],
    requires: ['reason'],
  },
  reopen: {
    from: ['resolved', 'closed'],
    to: 'reopened',
    roles: ['manager', 'agent', 'dispatcher'],
    requires: ['reason'],
  },
};

/** What the workflow reads of a ticket. */
export interface WorkflowTicket {
  status: TicketStatus;
  technicianId: string | null;
  /** Where the ticket was when it was put on hold. */
  heldFrom: TicketStatus | null;
}

export interface TicketTransitionRequest {
  ticket: WorkflowTicket;
  action: TicketAction;
  actor: Pick<AuthenticatedUser, 'id' | 'roles'>;
  input: TicketActionInput;
}

function fieldProblems(field: InputField, value: unknown): FieldProblem[] {
  if (typeof value === 'string') {
    return requiredTextProblems(field, value, field === 'reason' ? REASON_MAX_LENGTH : TEXT_MAX_LENGTH);
  }
  const missing = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  return missing ? [{ field, problems: [`${field} is required`] }] : [];
}

function inputProblems(rule: TicketTransitionRule, request: TicketTransitionRequest): FieldProblem[] {
  const { input, ticket } = request;
  const reassigning =
    ticket.technicianId !== null && (rule.reasonWhenReassigning ?? []).includes(ticket.status);
  const required: InputField[] = reassigning ? [...rule.requires, 'reason'] : [...rule.requires];
  return required.flatMap((field) => fieldProblems(field, input[field]));
}

/**
 * May this actor take this action on the ticket now, and where does it lead? Checked in order: the
 * role (403), the assignment (403: a technician acts only on their own jobs), the required input
 * (400), then the state (409 INVALID_TRANSITION).
 */
export function decideTicketTransition(request: TicketTransitionRequest): TransitionDecision<TicketStatus> {
  const { ticket, action, actor } = request;
  const rule = TICKET_WORKFLOW[action];
  const actingAs = actor.roles.filter((role) => rule.roles.includes(role));
  if (
    actingAs.length > 0 &&
    actingAs.every((role) => role === 'technician') &&
    ticket.technicianId !== actor.id
  ) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      message: `Only the assigned technician may ${action} this ticket`,
      chinese: '只有被派单的维修人员才能处理此工单',
      details: { action, reason: 'not_assigned' },
    };
  }
  const to = rule.to === 'before_hold' ? (ticket.heldFrom ?? ticket.status) : rule.to;
  return decideTransition({
    entity: 'ticket',
    action,
    rule: { from: rule.from, to, roles: rule.roles },
    status: ticket.status,
    actorRoles: actor.roles,
    inputProblems: inputProblems(rule, request),
  });
}
