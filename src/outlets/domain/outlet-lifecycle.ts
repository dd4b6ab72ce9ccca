import type { ErrorCode } from '../../common/errors/domain-error';
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

export interface OutletTransition {
  from: readonly OutletStatus[];
  to: OutletStatus;
  roles: readonly Role[];
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

export interface TransitionRefusal {
  allowed: false;
  code: ErrorCode;
  message: string;
  /** What a Chinese reader is told, where the code's general message would not say enough. */
  chinese?: string;
  details: Record<string, unknown>;
}

export type TransitionDecision = { allowed: true; from: OutletStatus; to: OutletStatus } | TransitionRefusal;

function inputProblems(
  rule: OutletTransition,
  input: TransitionInput,
): { field: string; problems: string[] }[] {
  return rule.requires.flatMap((field) => {
    const value = input[field]?.trim() ?? '';
    if (value.length === 0) return [{ field, problems: [`${field} is required`] }];
    if (value.length > REASON_MAX_LENGTH) {
      return [{ field, problems: [`${field} must be at most ${REASON_MAX_LENGTH} characters`] }];
    }
    return [];
  });
}

/**
 * May this actor take this action on the outlet now? Checked in order: the role (403), the required
 * input (400), the state (409 INVALID_TRANSITION), then the action's own precondition (409 CONFLICT).
 */
export function decideOutletTransition(request: TransitionRequest): TransitionDecision {
  const { outlet, action } = request;
  const rule = OUTLET_LIFECYCLE[action];
  if (!request.actorRoles.some((role) => rule.roles.includes(role))) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      message: `Only ${rule.roles.join(', ')} may ${action} an outlet`,
      details: { action, roles: rule.roles },
    };
  }
  const invalid = inputProblems(rule, request.input);
  if (invalid.length > 0) {
    return {
      allowed: false,
      code: 'VALIDATION_FAILED',
      message: `Invalid fields: ${invalid.map((m) => m.field).join(', ')}`,
      details: { fields: invalid },
    };
  }
  if (!rule.from.includes(outlet.status)) {
    return {
      allowed: false,
      code: 'INVALID_TRANSITION',
      message: `${action} is not allowed on an outlet that is ${outlet.status}`,
      details: { action, status: outlet.status, allowedFrom: rule.from },
    };
  }
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
  return { allowed: true, from: outlet.status, to: rule.to };
}
