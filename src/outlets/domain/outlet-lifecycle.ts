import {
  type TransitionDecision,
  type TransitionRule,
  decideTransition,
  requiredTextProblems,
} from '../../common/workflow/transition';
import type { Role } from '../../users/domain/roles';
import { type DispatchRelevantOutlet, agreementProblems } from './dispatchable';
import { OUTLET_KEEPERS } from './outlet-access';
import type { OutletStatus } from './outlet-fields';

export const OUTLET_ACTIONS = ['approve', 'activate', 'suspend', 'resume', 'close'] as const;
export type OutletAction = (typeof OUTLET_ACTIONS)[number];

export const REASON_MAX_LENGTH = 500;

/** What the actor sends with an action. */
export interface TransitionInput {
  reason?: string | null;
}

export interface OutletTransition extends TransitionRule<OutletStatus> {
  to: OutletStatus;
  /** Fields of the input the actor must give. */
  requires: readonly (keyof TransitionInput)[];
  /** An outsourced outlet goes into operation only with its service agreement valid on the day. */
  needsValidAgreementIfOutsourced?: true;
}

/** The outlet lifecycle: proposed → approved → active ⇄ suspended → closed; closing is possible until closed. */
export const OUTLET_LIFECYCLE: Readonly<Record<OutletAction, OutletTransition>> = {
  // Approval is the service manager's decision (GB/T 27922 asks who approved each outlet).
  approve: { from: ['proposed'], to: 'approved', roles: ['manager'], requires: ['reason'] },
  activate: {
    from: ['approved'],
    to: 'active',
    roles: OUTLET_KEEPERS,
    requires: ['reason'],
    needsValidAgreementIfOutsourced: true,
  },
  suspend: { from: ['active'], to: 'suspended', roles: OUTLET_KEEPERS, requires: ['reason'] },
  resume: {
    from: ['suspended'],
    to: 'active',
    roles: OUTLET_KEEPERS,
    requires: ['reason'],
    needsValidAgreementIfOutsourced: true,
  },
  close: {
    from: ['proposed', 'approved', 'active', 'suspended'],
    to: 'closed',
    roles: OUTLET_KEEPERS,
    requires: ['reason'],
  },
};

export interface TransitionRequest {
  outlet: DispatchRelevantOutlet;
  action: OutletAction;
  actorRoles: readonly Role[];
  input: TransitionInput;
  /** The company-zone date the action happens on, YYYY-MM-DD. */
  today: string;
}

export type OutletTransitionDecision = TransitionDecision<OutletStatus>;

/**
 * May this actor take this action on the outlet now? Checked in order: the role (403), the required
 * input (400), the state (409 INVALID_TRANSITION), then the action's own precondition (409 CONFLICT).
 */
export function decideOutletTransition(request: TransitionRequest): OutletTransitionDecision {
  const { outlet, action } = request;
  const rule = OUTLET_LIFECYCLE[action];
  const decision = decideTransition({
    entity: 'outlet',
    action,
    rule,
    status: outlet.status,
    actorRoles: request.actorRoles,
    inputProblems: rule.requires.flatMap((field) =>
      requiredTextProblems(field, request.input[field], REASON_MAX_LENGTH),
    ),
  });
  if (!decision.allowed) return decision;
  if (rule.needsValidAgreementIfOutsourced && outlet.kind === 'outsourced') {
    const problems = agreementProblems(outlet, request.today);
    if (problems.length > 0) {
      return {
        allowed: false,
        code: 'CONFLICT',
        message: `An outsourced outlet needs a service agreement valid on ${request.today} to ${action}`,
        chinese: `委外网点须有在 ${request.today} 有效的服务协议（编号及有效期）才能${action === 'resume' ? '恢复' : '启用'}，请先在网点资质档案中补全`,
        details: { item: 'agreement', problems },
      };
    }
  }
  return decision;
}
