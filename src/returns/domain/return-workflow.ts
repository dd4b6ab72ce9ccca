import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { FieldProblem } from '../../common/errors/validation-errors';
import {
  type TransitionDecision,
  decideTransition,
  requiredTextProblems,
} from '../../common/workflow/transition';
import type { Role } from '../../users/domain/roles';
import { NAME_MAX_LENGTH, REASON_MAX_LENGTH, TEXT_MAX_LENGTH, type ReturnStatus } from './return-fields';

export const RETURN_ACTIONS = [
  'inspect',
  'register',
  'ship',
  'chase',
  'receive_back',
  'return_to_customer',
  'refund',
  'scrap',
  'close',
] as const;
export type ReturnAction = (typeof RETURN_ACTIONS)[number];

/** What an actor may send with an action; each action requires its own part of it. */
export interface ReturnActionInput {
  finding?: string | null;
  handedOverBy?: string | null;
  supplierId?: string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
  note?: string | null;
  vendorOutcome?: string | null;
  method?: string | null;
  receivedByName?: string | null;
  amount?: number | null;
  reason?: string | null;
  recycler?: string | null;
  scrappedOn?: string | null;
}
type InputField = keyof ReturnActionInput;

export interface ReturnTransitionRule {
  from: readonly ReturnStatus[];
  /** 'unchanged': recorded without moving the record (a chase of the vendor). */
  to: ReturnStatus | 'unchanged';
  roles: readonly Role[];
  requires: readonly InputField[];
}

/** Where the goods are in the company's hands after inspection: they may leave the process from here. */
const AT_DEPOT: readonly ReturnStatus[] = ['inspected', 'registered', 'back_from_vendor'];

/**
 * SPEC §3.2 as a table: received → inspected → registered → shipped_to_vendor → back_from_vendor →
 * returned_to_customer → closed, plus refunded and scrapped. Goods found without fault (or that the
 * depot mends itself) go back to the customer without a vendor; refunded goods may still be scrapped.
 */
export const RETURN_WORKFLOW: Readonly<Record<ReturnAction, ReturnTransitionRule>> = {
  inspect: {
    from: ['received'],
    to: 'inspected',
    roles: ['returns_clerk', 'technician', 'manager'],
    requires: ['finding'],
  },
  // The hand-over (交接) to the returns clerk, who takes it as the receiving party.
  register: { from: ['inspected'], to: 'registered', roles: ['returns_clerk'], requires: ['handedOverBy'] },
  ship: {
    from: ['registered'],
    to: 'shipped_to_vendor',
    roles: ['returns_clerk', 'manager'],
    requires: ['supplierId', 'carrier', 'trackingNumber'],
  },
  chase: {
    from: ['shipped_to_vendor'],
    to: 'unchanged',
    roles: ['returns_clerk', 'manager'],
    requires: ['note'],
  },
  receive_back: {
    from: ['shipped_to_vendor'],
    to: 'back_from_vendor',
    roles: ['returns_clerk', 'manager'],
    requires: ['vendorOutcome'],
  },
  return_to_customer: {
    from: AT_DEPOT,
    to: 'returned_to_customer',
    roles: ['returns_clerk', 'technician', 'agent', 'manager'],
    requires: ['method', 'receivedByName'],
  },
  // Money goes back to the customer: a manager's decision.
  refund: { from: AT_DEPOT, to: 'refunded', roles: ['manager'], requires: ['amount', 'reason'] },
  scrap: {
    from: [...AT_DEPOT, 'refunded'],
    to: 'scrapped',
    roles: ['returns_clerk', 'manager'],
    requires: ['method', 'recycler', 'scrappedOn'],
  },
  close: { from: ['returned_to_customer'], to: 'closed', roles: ['returns_clerk', 'manager'], requires: [] },
};

export interface ReturnTransitionRequest {
  status: ReturnStatus;
  action: ReturnAction;
  actor: Pick<AuthenticatedUser, 'roles'>;
  input: ReturnActionInput;
}

const MAX_LENGTHS: Partial<Record<InputField, number>> = {
  handedOverBy: NAME_MAX_LENGTH,
  receivedByName: NAME_MAX_LENGTH,
  carrier: NAME_MAX_LENGTH,
  trackingNumber: NAME_MAX_LENGTH,
  recycler: 200,
  reason: REASON_MAX_LENGTH,
};

function fieldProblems(field: InputField, value: unknown): FieldProblem[] {
  if (typeof value === 'string')
    return requiredTextProblems(field, value, MAX_LENGTHS[field] ?? TEXT_MAX_LENGTH);
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0
      ? []
      : [{ field, problems: [`${field} must be a number not below 0`] }];
  }
  return value === null || value === undefined ? [{ field, problems: [`${field} is required`] }] : [];
}

/**
 * May this actor take this action on the record now, and where does it lead? Checked in order: the
 * role (403), the required input (400), then the state (409 INVALID_TRANSITION).
 */
export function decideReturnTransition(request: ReturnTransitionRequest): TransitionDecision<ReturnStatus> {
  const rule = RETURN_WORKFLOW[request.action];
  return decideTransition({
    entity: 'returned goods record',
    action: request.action,
    rule: { from: rule.from, to: rule.to, roles: rule.roles },
    status: request.status,
    actorRoles: request.actor.roles,
    inputProblems: rule.requires.flatMap((field) => fieldProblems(field, request.input[field])),
  });
}
