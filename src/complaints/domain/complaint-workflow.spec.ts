import { ROLES, type Role } from '../../users/domain/roles';
import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaint-fields';
import {
  COMPLAINT_ACTIONS,
  type ComplaintAction,
  type ComplaintActionInput,
  decideComplaintTransition,
} from './complaint-workflow';

/** Everything any action may ask for, all of it valid, so that only the role and the state decide. */
const FULL_INPUT: Required<ComplaintActionInput> = {
  note: '已致电客户致歉',
  rootCause: '维修人员未按约定时间上门',
  remedy: '免除上门费并当面致歉',
  correctiveAction: '改约须提前两小时告知客户',
  customerAccepted: true,
  reason: '客户要求经理处理',
};

const decide = (
  status: ComplaintStatus,
  action: ComplaintAction,
  roles: Role[] = ['manager'],
  input: ComplaintActionInput = FULL_INPUT,
) => decideComplaintTransition({ status, action, actor: { roles }, input });

describe('complaint workflow', () => {
  /** Where each action may start and where it leads; every other state is refused. */
  const TABLE: Record<ComplaintAction, { from: ComplaintStatus[]; to: ComplaintStatus | 'same' }> = {
    acknowledge: { from: ['received'], to: 'acknowledged' },
    investigate: { from: ['acknowledged'], to: 'investigating' },
    resolve: { from: ['investigating'], to: 'resolved' },
    close: { from: ['resolved'], to: 'closed' },
    escalate: { from: ['received', 'acknowledged', 'investigating'], to: 'same' },
  };

  describe.each(COMPLAINT_ACTIONS)('%s', (action) => {
    const { from, to } = TABLE[action];
    it.each(COMPLAINT_STATUSES.filter((status) => from.includes(status)))('is allowed from %s', (status) => {
      expect(decide(status, action)).toEqual({
        allowed: true,
        from: status,
        to: to === 'same' ? status : to,
      });
    });
    it.each(COMPLAINT_STATUSES.filter((status) => !from.includes(status)))(
      'is refused from %s with INVALID_TRANSITION',
      (status) => {
        const decision = decide(status, action);
        expect(decision).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
      },
    );
  });

  it('follows SPEC §3.4 from received to closed, one step at a time', () => {
    let status: ComplaintStatus = 'received';
    for (const action of ['acknowledge', 'investigate', 'resolve', 'close'] as const) {
      const decision = decide(status, action);
      if (!decision.allowed) throw new Error(`${action} refused from ${status}`);
      status = decision.to;
    }
    expect(status).toBe('closed');
    // No shortcut: a received complaint cannot be resolved or closed before it is handled.
    expect(decide('received', 'resolve')).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    expect(decide('acknowledged', 'close')).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
  });

  describe('roles', () => {
    const MAY: Record<ComplaintAction, Role[]> = {
      acknowledge: ['agent', 'manager'],
      investigate: ['manager'],
      resolve: ['manager'],
      close: ['agent', 'manager'],
      escalate: ['agent', 'manager'],
    };
    describe.each(COMPLAINT_ACTIONS)('%s', (action) => {
      const start = TABLE[action].from[0] as ComplaintStatus;
      it.each(ROLES.map((role) => [role, MAY[action].includes(role)] as const))(
        '%s allowed: %s',
        (role, may) => {
          const decision = decide(start, action, [role]);
          if (may) expect(decision.allowed).toBe(true);
          else expect(decision).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
        },
      );
    });

    it('judges the role before the state: an auditor is refused with 403 whatever the state', () => {
      expect(decide('closed', 'acknowledge', ['auditor'])).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('lets a user with several roles act through any of them', () => {
      expect(decide('acknowledged', 'investigate', ['agent', 'manager']).allowed).toBe(true);
    });
  });

  describe('required input', () => {
    it('asks for root cause, remedy and corrective action to resolve, naming each missing one', () => {
      const decision = decide('investigating', 'resolve', ['manager'], { rootCause: '  ', remedy: null });
      expect(decision).toMatchObject({ allowed: false, code: 'VALIDATION_FAILED' });
      if (decision.allowed) return;
      expect((decision.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
        'rootCause',
        'remedy',
        'correctiveAction',
      ]);
    });

    it('asks whether the customer accepted to close', () => {
      const decision = decide('resolved', 'close', ['agent'], { note: '客户满意' });
      expect(decision).toMatchObject({ allowed: false, code: 'VALIDATION_FAILED' });
    });

    it('closes without a note when the customer accepted, but asks for one when they did not', () => {
      expect(decide('resolved', 'close', ['agent'], { customerAccepted: true }).allowed).toBe(true);
      const refused = decide('resolved', 'close', ['agent'], { customerAccepted: false, note: ' ' });
      expect(refused).toMatchObject({ allowed: false, code: 'VALIDATION_FAILED' });
      if (!refused.allowed) {
        expect((refused.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual([
          'note',
        ]);
      }
      expect(
        decide('resolved', 'close', ['agent'], { customerAccepted: false, note: '客户仍要求全额退款' })
          .allowed,
      ).toBe(true);
    });

    it('asks for a reason to escalate by hand', () => {
      expect(decide('received', 'escalate', ['agent'], {})).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('needs nothing but the state to acknowledge or investigate', () => {
      expect(decide('received', 'acknowledge', ['agent'], {}).allowed).toBe(true);
      expect(decide('acknowledged', 'investigate', ['manager'], {}).allowed).toBe(true);
    });

    it('judges the input before the state: missing input on a closed complaint is a 400', () => {
      expect(decide('closed', 'resolve', ['manager'], {})).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });
});
