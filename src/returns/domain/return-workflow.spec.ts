import { ROLES, type Role } from '../../users/domain/roles';
import { RETURN_STATUSES, type ReturnStatus } from './return-fields';
import {
  RETURN_ACTIONS,
  type ReturnAction,
  type ReturnActionInput,
  type ReturnTransitionRequest,
  decideReturnTransition,
} from './return-workflow';

/** Everything any action may ask for, all of it valid, so that only the role and the state decide. */
const FULL_INPUT: Required<ReturnActionInput> = {
  finding: 'product_fault',
  handedOverBy: '张伟',
  supplierId: 'supplier-1',
  carrier: '顺丰速运',
  trackingNumber: 'SF1234567890',
  note: '已电话催问供方',
  vendorOutcome: 'repaired',
  method: 'pickup',
  receivedByName: '王芳',
  amount: 1999,
  reason: '供方拒修，按退货处理',
  recycler: '上海绿环再生资源有限公司',
  scrappedOn: '2026-06-20',
};

/** A role each action is taken with in the state table. */
const ACTING_ROLE: Record<ReturnAction, Role> = {
  inspect: 'returns_clerk',
  register: 'returns_clerk',
  ship: 'returns_clerk',
  chase: 'returns_clerk',
  receive_back: 'returns_clerk',
  return_to_customer: 'returns_clerk',
  refund: 'manager',
  scrap: 'returns_clerk',
  close: 'returns_clerk',
};

const request = (overrides: Partial<ReturnTransitionRequest>): ReturnTransitionRequest => {
  const action = overrides.action ?? 'inspect';
  return {
    status: 'received',
    action,
    actor: { roles: [ACTING_ROLE[action]] },
    input: FULL_INPUT,
    ...overrides,
  };
};

/** SPEC §3.2, written out again on purpose: a change to the workflow table must fail here. */
const EXPECTED: Record<ReturnAction, { from: ReturnStatus[]; to: ReturnStatus | 'unchanged' }> = {
  inspect: { from: ['received'], to: 'inspected' },
  register: { from: ['inspected'], to: 'registered' },
  ship: { from: ['registered'], to: 'shipped_to_vendor' },
  chase: { from: ['shipped_to_vendor'], to: 'unchanged' },
  receive_back: { from: ['shipped_to_vendor'], to: 'back_from_vendor' },
  return_to_customer: { from: ['inspected', 'registered', 'back_from_vendor'], to: 'returned_to_customer' },
  refund: { from: ['inspected', 'registered', 'back_from_vendor'], to: 'refunded' },
  scrap: { from: ['inspected', 'registered', 'back_from_vendor', 'refunded'], to: 'scrapped' },
  close: { from: ['returned_to_customer'], to: 'closed' },
};

const EXPECTED_ROLES: Record<ReturnAction, Role[]> = {
  inspect: ['returns_clerk', 'technician', 'manager'],
  register: ['returns_clerk'],
  ship: ['returns_clerk', 'manager'],
  chase: ['returns_clerk', 'manager'],
  receive_back: ['returns_clerk', 'manager'],
  return_to_customer: ['returns_clerk', 'technician', 'agent', 'manager'],
  refund: ['manager'],
  scrap: ['returns_clerk', 'manager'],
  close: ['returns_clerk', 'manager'],
};

const EXPECTED_REQUIRES: Record<ReturnAction, (keyof ReturnActionInput)[]> = {
  inspect: ['finding'],
  register: ['handedOverBy'],
  ship: ['supplierId', 'carrier', 'trackingNumber'],
  chase: ['note'],
  receive_back: ['vendorOutcome'],
  return_to_customer: ['method', 'receivedByName'],
  refund: ['amount', 'reason'],
  scrap: ['method', 'recycler', 'scrappedOn'],
  close: [],
};

const startOf = (action: ReturnAction): ReturnStatus => {
  const [first] = EXPECTED[action].from;
  if (!first) throw new Error(`No start state for ${action}`);
  return first;
};

describe('decideReturnTransition: every state × action', () => {
  const PAIRS = RETURN_STATUSES.flatMap((status) =>
    RETURN_ACTIONS.map((action) => [status, action, EXPECTED[action].from.includes(status)] as const),
  );

  it('covers all 9 × 9 pairs', () => {
    expect(RETURN_STATUSES).toHaveLength(9);
    expect(RETURN_ACTIONS).toHaveLength(9);
    expect(PAIRS).toHaveLength(81);
  });

  it.each(PAIRS)('from %s, %s allowed: %s', (status, action, allowed) => {
    const decision = decideReturnTransition(request({ status, action }));
    if (allowed) {
      const { to } = EXPECTED[action];
      expect(decision).toEqual({ allowed: true, from: status, to: to === 'unchanged' ? status : to });
    } else {
      expect(decision).toMatchObject({
        allowed: false,
        code: 'INVALID_TRANSITION',
        details: { action, status },
      });
    }
  });

  it('lets nothing out of closed and scrapped', () => {
    for (const status of ['closed', 'scrapped'] as const) {
      for (const action of RETURN_ACTIONS) {
        expect(decideReturnTransition(request({ status, action }))).toMatchObject({ allowed: false });
      }
    }
  });
});

describe('decideReturnTransition: who may act', () => {
  const ROLE_PAIRS = RETURN_ACTIONS.flatMap((action) =>
    ROLES.map((role) => [action, role, EXPECTED_ROLES[action].includes(role)] as const),
  );

  it.each(ROLE_PAIRS)('%s by %s allowed: %s', (action, role, allowed) => {
    const decision = decideReturnTransition(
      request({ status: startOf(action), action, actor: { roles: [role] } }),
    );
    if (allowed) expect(decision).toMatchObject({ allowed: true });
    else expect(decision).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });

  it('judges the role before the state: a refused role hears 403 even where the state is wrong too', () => {
    const decision = decideReturnTransition(
      request({ status: 'closed', action: 'ship', actor: { roles: ['auditor'] } }),
    );
    expect(decision).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });

  it('lets a user act through any one of several roles', () => {
    const decision = decideReturnTransition(
      request({ status: 'inspected', action: 'register', actor: { roles: ['agent', 'returns_clerk'] } }),
    );
    expect(decision).toMatchObject({ allowed: true, to: 'registered' });
  });
});

describe('decideReturnTransition: what each action requires', () => {
  const FIELD_PAIRS = RETURN_ACTIONS.flatMap((action) =>
    EXPECTED_REQUIRES[action].map((field) => [action, field] as const),
  );

  it.each(FIELD_PAIRS)('%s without %s is a 400 naming it', (action, field) => {
    const decision = decideReturnTransition(
      request({ status: startOf(action), action, input: { ...FULL_INPUT, [field]: undefined } }),
    );
    expect(decision).toMatchObject({
      allowed: false,
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field, problems: [`${field} is required`] }] },
    });
  });

  it.each(RETURN_ACTIONS)('%s asks for nothing else', (action) => {
    const input = Object.fromEntries(EXPECTED_REQUIRES[action].map((field) => [field, FULL_INPUT[field]]));
    expect(decideReturnTransition(request({ status: startOf(action), action, input }))).toMatchObject({
      allowed: true,
    });
  });

  it('refuses blank text and a negative amount', () => {
    expect(
      decideReturnTransition(
        request({ status: 'shipped_to_vendor', action: 'chase', input: { ...FULL_INPUT, note: '   ' } }),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'note' }] } });
    expect(
      decideReturnTransition(
        request({ status: 'inspected', action: 'refund', input: { ...FULL_INPUT, amount: -1 } }),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'amount' }] } });
  });

  it('judges the input before the state: a bad request is a 400 in any state', () => {
    const decision = decideReturnTransition(
      request({ status: 'closed', action: 'chase', input: { ...FULL_INPUT, note: null } }),
    );
    expect(decision).toMatchObject({ allowed: false, code: 'VALIDATION_FAILED' });
  });
});
