import { ROLES, type Role } from '../../users/domain/roles';
import type { DispatchRelevantOutlet } from './dispatchable';
import { OUTLET_STATUSES, type OutletStatus } from './outlet-fields';
import {
  OUTLET_ACTIONS,
  type OutletAction,
  type TransitionRequest,
  decideOutletTransition,
} from './outlet-lifecycle';

const TODAY = '2026-06-15';

const ownOutlet = (status: OutletStatus): DispatchRelevantOutlet => ({
  status,
  kind: 'own',
  agreementNumber: null,
  agreementValidFrom: null,
  agreementValidUntil: null,
  licenceValidUntil: null,
});

const request = (overrides: Partial<TransitionRequest>): TransitionRequest => ({
  outlet: ownOutlet('proposed'),
  action: 'approve',
  actorRoles: ['manager'],
  input: { reason: '区域服务需要' },
  today: TODAY,
  ...overrides,
});

/** Every state × action: the resulting state, or null when the action is refused from that state. */
const EXPECTED: Record<OutletStatus, Record<OutletAction, OutletStatus | null>> = {
  proposed: { approve: 'approved', activate: null, suspend: null, resume: null, close: 'closed' },
  approved: { approve: null, activate: 'active', suspend: null, resume: null, close: 'closed' },
  active: { approve: null, activate: null, suspend: 'suspended', resume: null, close: 'closed' },
  suspended: { approve: null, activate: null, suspend: null, resume: 'active', close: 'closed' },
  closed: { approve: null, activate: null, suspend: null, resume: null, close: null },
};

const PAIRS = OUTLET_STATUSES.flatMap((status) =>
  OUTLET_ACTIONS.map((action) => [status, action, EXPECTED[status][action]] as const),
);

describe('decideOutletTransition', () => {
  it('covers all 25 state × action pairs', () => {
    expect(PAIRS).toHaveLength(25);
  });

  it.each(PAIRS)('from %s, %s → %s', (status, action, to) => {
    const decision = decideOutletTransition(request({ outlet: ownOutlet(status), action }));
    if (to === null) {
      expect(decision).toMatchObject({
        allowed: false,
        code: 'INVALID_TRANSITION',
        details: { action, status },
      });
    } else {
      expect(decision).toEqual({ allowed: true, from: status, to });
    }
  });

  const ROLE_RULES: Record<OutletAction, readonly Role[]> = {
    approve: ['manager'],
    activate: ['manager', 'admin'],
    suspend: ['manager', 'admin'],
    resume: ['manager', 'admin'],
    close: ['manager', 'admin'],
  };
  const FROM: Record<OutletAction, OutletStatus> = {
    approve: 'proposed',
    activate: 'approved',
    suspend: 'active',
    resume: 'suspended',
    close: 'active',
  };
  const ROLE_PAIRS = OUTLET_ACTIONS.flatMap((action) =>
    ROLES.map((role) => [action, role, ROLE_RULES[action].includes(role)] as const),
  );

  it.each(ROLE_PAIRS)('%s by %s allowed: %s', (action, role, allowed) => {
    const decision = decideOutletTransition(
      request({ outlet: ownOutlet(FROM[action]), action, actorRoles: [role] }),
    );
    expect(decision.allowed).toBe(allowed);
    if (!allowed) expect(decision).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('allows an actor holding one permitted role among others', () => {
    expect(decideOutletTransition(request({ actorRoles: ['agent', 'manager'] })).allowed).toBe(true);
  });

  it('refuses the role before looking at the state', () => {
    const decision = decideOutletTransition(
      request({ outlet: ownOutlet('closed'), actorRoles: ['dispatcher'] }),
    );
    expect(decision).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });

  it.each<[string, string | null | undefined]>([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
    ['too long', 'x'.repeat(501)],
  ])('refuses a %s reason, naming the field', (_case, reason) => {
    const decision = decideOutletTransition(request({ input: { reason } }));
    expect(decision).toMatchObject({
      allowed: false,
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'reason' }] },
    });
  });

  it('accepts a reason of exactly 500 characters', () => {
    expect(decideOutletTransition(request({ input: { reason: 'x'.repeat(500) } })).allowed).toBe(true);
  });

  describe('putting an outsourced outlet into operation', () => {
    const outsourced = (fields: Partial<DispatchRelevantOutlet>): DispatchRelevantOutlet => ({
      ...ownOutlet('approved'),
      kind: 'outsourced',
      agreementNumber: 'FW-2026-01',
      agreementValidFrom: '2026-01-01',
      agreementValidUntil: '2026-12-31',
      ...fields,
    });
    const activate = (outlet: DispatchRelevantOutlet) =>
      decideOutletTransition(request({ outlet, action: 'activate' }));

    it('is allowed with an agreement valid today, including its last day', () => {
      expect(activate(outsourced({})).allowed).toBe(true);
      expect(activate(outsourced({ agreementValidUntil: TODAY })).allowed).toBe(true);
    });

    it.each<[string, Partial<DispatchRelevantOutlet>, object[]]>([
      ['no agreement number', { agreementNumber: null }, [{ field: 'agreementNumber', problem: 'missing' }]],
      ['no end date', { agreementValidUntil: null }, [{ field: 'agreementValidUntil', problem: 'missing' }]],
      [
        'an expired agreement',
        { agreementValidUntil: '2026-06-14' },
        [{ field: 'agreementValidUntil', problem: 'expired' }],
      ],
      [
        'an agreement not yet started',
        { agreementValidFrom: '2026-06-16' },
        [{ field: 'agreementValidFrom', problem: 'not_yet_valid' }],
      ],
    ])('is refused with %s, naming the item', (_case, fields, problems) => {
      expect(activate(outsourced(fields))).toMatchObject({
        allowed: false,
        code: 'CONFLICT',
        details: { item: 'agreement', problems },
      });
    });

    it('checks the state before the agreement', () => {
      const decision = decideOutletTransition(
        request({ outlet: outsourced({ status: 'active', agreementNumber: null }), action: 'activate' }),
      );
      expect(decision).toMatchObject({ code: 'INVALID_TRANSITION' });
    });

    it('does not ask an own outlet for an agreement', () => {
      expect(activate(ownOutlet('approved')).allowed).toBe(true);
    });

    it('asks for a valid agreement to resume as well, but not to suspend or close', () => {
      const lapsed = { agreementValidUntil: '2026-06-14' };
      const decide = (status: OutletStatus, action: OutletAction) =>
        decideOutletTransition(request({ outlet: outsourced({ ...lapsed, status }), action }));
      expect(decide('suspended', 'resume')).toMatchObject({ allowed: false, code: 'CONFLICT' });
      expect(decide('active', 'suspend').allowed).toBe(true);
      expect(decide('active', 'close').allowed).toBe(true);
    });
  });
});
