import { ROLES, type Role } from '../../users/domain/roles';
import { TICKET_STATUSES, type TicketStatus } from './ticket-fields';
import {
  TICKET_ACTIONS,
  type TicketAction,
  type TicketActionInput,
  type TicketTransitionRequest,
  type WorkflowTicket,
  decideTicketTransition,
} from './ticket-workflow';

const TECHNICIAN_ID = 'technician-1';
const OTHER_TECHNICIAN_ID = 'technician-2';
/** Where the on-hold ticket of the table was when it was put on hold: resume leads back there. */
const HELD_FROM: TicketStatus = 'diagnosed';

/** Everything any action may ask for, all of it valid, so that only the role and the state decide. */
const FULL_INPUT: Required<TicketActionInput> = {
  technicianId: TECHNICIAN_ID,
  reason: '客户要求',
  appointmentAt: new Date('2026-06-15T06:00:00Z'),
  cause: 'product_fault',
  diagnosis: '压缩机损坏',
  startedAt: new Date('2026-06-15T06:00:00Z'),
  endedAt: new Date('2026-06-15T08:00:00Z'),
  description: '更换压缩机',
  items: [{ description: '主板' }],
  outcome: '已修复',
  customerName: '张三',
  confirmedAt: new Date('2026-06-15T08:30:00Z'),
  holdReason: 'awaiting_parts',
};

const ticketIn = (status: TicketStatus, fields: Partial<WorkflowTicket> = {}): WorkflowTicket => ({
  status,
  technicianId: TECHNICIAN_ID,
  heldFrom: status === 'on_hold' ? HELD_FROM : null,
  ...fields,
});

const actor = (roles: Role[], id = TECHNICIAN_ID) => ({ id, roles });

/** A role each action is taken with in the state table (the assigned technician where it is theirs). */
const ACTING_ROLE: Record<TicketAction, Role> = {
  dispatch: 'dispatcher',
  accept: 'technician',
  reschedule: 'technician',
  check_in: 'technician',
  diagnose: 'technician',
  log_work: 'technician',
  take_back: 'technician',
  resolve: 'technician',
  hold: 'technician',
  resume: 'technician',
  close: 'manager',
  close_after_follow_up: 'agent',
  cancel: 'agent',
  reopen: 'manager',
};

const request = (overrides: Partial<TicketTransitionRequest>): TicketTransitionRequest => {
  const action = overrides.action ?? 'dispatch';
  return {
    ticket: ticketIn('reported'),
    action,
    actor: actor([ACTING_ROLE[action]]),
    input: FULL_INPUT,
    ...overrides,
  };
};

/** SPEC §3.1, written out again on purpose: a change to the workflow table must fail here. */
const EXPECTED: Record<TicketAction, { from: TicketStatus[]; to: TicketStatus | 'unchanged' | 'held_from' }> =
  {
    dispatch: { from: ['reported', 'reopened', 'dispatched', 'accepted'], to: 'dispatched' },
    accept: { from: ['dispatched'], to: 'accepted' },
    reschedule: { from: ['accepted'], to: 'unchanged' },
    check_in: { from: ['accepted'], to: 'on_site' },
    diagnose: { from: ['on_site'], to: 'diagnosed' },
    log_work: { from: ['on_site', 'diagnosed'], to: 'unchanged' },
    take_back: { from: ['on_site', 'diagnosed'], to: 'taken_back' },
    resolve: { from: ['diagnosed', 'taken_back'], to: 'resolved' },
    hold: { from: ['accepted', 'on_site', 'diagnosed', 'taken_back'], to: 'on_hold' },
    resume: { from: ['on_hold'], to: 'held_from' },
    close: { from: ['resolved'], to: 'closed' },
    close_after_follow_up: { from: ['resolved'], to: 'closed' },
    cancel: { from: ['reported', 'dispatched', 'accepted', 'reopened'], to: 'cancelled' },
    reopen: { from: ['resolved', 'closed'], to: 'reopened' },
  };

const EXPECTED_ROLES: Record<TicketAction, Role[]> = {
  dispatch: ['dispatcher', 'manager'],
  accept: ['technician'],
  reschedule: ['technician', 'dispatcher'],
  check_in: ['technician'],
  diagnose: ['technician'],
  log_work: ['technician'],
  take_back: ['technician'],
  resolve: ['technician', 'manager'],
  hold: ['technician', 'dispatcher'],
  resume: ['technician', 'dispatcher'],
  close: ['manager'],
  close_after_follow_up: ['manager', 'agent'],
  cancel: ['agent', 'dispatcher', 'manager'],
  reopen: ['manager', 'agent', 'dispatcher'],
};

const EXPECTED_REQUIRES: Record<TicketAction, (keyof TicketActionInput)[]> = {
  dispatch: ['technicianId'],
  accept: ['appointmentAt'],
  reschedule: ['appointmentAt', 'reason'],
  check_in: [],
  diagnose: ['cause', 'diagnosis'],
  log_work: ['startedAt', 'endedAt', 'description'],
  take_back: ['items'],
  resolve: ['outcome', 'customerName', 'confirmedAt'],
  hold: ['holdReason'],
  resume: [],
  close_after_follow_up: [],
  close: ['reason'],
  cancel: ['reason'],
  reopen: ['reason'],
};

const expectedTo = (action: TicketAction, status: TicketStatus): TicketStatus => {
  const { to } = EXPECTED[action];
  if (to === 'unchanged') return status;
  if (to === 'held_from') return HELD_FROM;
  return to;
};

/** A state each action may be taken from, for the tests that are about something other than state. */
const startOf = (action: TicketAction): TicketStatus => {
  const [first] = EXPECTED[action].from;
  if (!first) throw new Error(`No start state for ${action}`);
  return first;
};

describe('decideTicketTransition: every state × action', () => {
  const PAIRS = TICKET_STATUSES.flatMap((status) =>
    TICKET_ACTIONS.map((action) => [status, action, EXPECTED[action].from.includes(status)] as const),
  );

  it('covers all 11 × 14 pairs', () => {
    expect(TICKET_STATUSES).toHaveLength(11);
    expect(TICKET_ACTIONS).toHaveLength(14);
    expect(PAIRS).toHaveLength(154);
  });

  it.each(PAIRS)('from %s, %s allowed: %s', (status, action, allowed) => {
    const decision = decideTicketTransition(request({ ticket: ticketIn(status), action }));
    if (allowed) {
      expect(decision).toEqual({ allowed: true, from: status, to: expectedTo(action, status) });
    } else {
      expect(decision).toMatchObject({
        allowed: false,
        code: 'INVALID_TRANSITION',
        details: { action, status },
      });
    }
  });

  it('resumes to wherever the hold found the ticket', () => {
    for (const heldFrom of ['accepted', 'on_site', 'diagnosed', 'taken_back'] as const) {
      const decision = decideTicketTransition(
        request({ ticket: ticketIn('on_hold', { heldFrom }), action: 'resume' }),
      );
      expect(decision).toEqual({ allowed: true, from: 'on_hold', to: heldFrom });
    }
  });
});

describe('decideTicketTransition: who may act', () => {
  const ROLE_PAIRS = TICKET_ACTIONS.flatMap((action) =>
    ROLES.map((role) => [action, role, EXPECTED_ROLES[action].includes(role)] as const),
  );

  it.each(ROLE_PAIRS)('%s by %s allowed: %s', (action, role, allowed) => {
    const decision = decideTicketTransition(
      request({ ticket: ticketIn(startOf(action)), action, actor: actor([role]) }),
    );
    if (allowed) {
      expect(decision).toMatchObject({ allowed: true });
    } else {
      expect(decision).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    }
  });

  it.each(TICKET_ACTIONS)('refuses %s to an auditor and to an admin', (action) => {
    for (const role of ['auditor', 'admin'] as const) {
      const decision = decideTicketTransition(
        request({ ticket: ticketIn(startOf(action)), action, actor: actor([role]) }),
      );
      expect(decision).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    }
  });

  const TECHNICIAN_ACTIONS = TICKET_ACTIONS.filter((action) => EXPECTED_ROLES[action].includes('technician'));

  it.each(TECHNICIAN_ACTIONS)('refuses %s to a technician the job is not assigned to', (action) => {
    for (const technicianId of [OTHER_TECHNICIAN_ID, null]) {
      const decision = decideTicketTransition(
        request({
          ticket: ticketIn(startOf(action), { technicianId }),
          action,
          actor: actor(['technician']),
        }),
      );
      expect(decision).toMatchObject({
        allowed: false,
        code: 'FORBIDDEN',
        details: { action, reason: 'not_assigned' },
      });
    }
  });

  it.each(TECHNICIAN_ACTIONS)('allows %s to the assigned technician', (action) => {
    const decision = decideTicketTransition(
      request({ ticket: ticketIn(startOf(action)), action, actor: actor(['technician']) }),
    );
    expect(decision).toMatchObject({ allowed: true });
  });

  it('refuses an unassigned technician before looking at the input', () => {
    const decision = decideTicketTransition(
      request({
        ticket: ticketIn('dispatched', { technicianId: OTHER_TECHNICIAN_ID }),
        action: 'accept',
        actor: actor(['technician']),
        input: {},
      }),
    );
    expect(decision).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not_assigned' } });
  });

  it('lets a dispatcher who is also a technician hold a job assigned to someone else', () => {
    const decision = decideTicketTransition(
      request({
        ticket: ticketIn('on_site', { technicianId: OTHER_TECHNICIAN_ID }),
        action: 'hold',
        actor: actor(['dispatcher', 'technician']),
      }),
    );
    expect(decision).toEqual({ allowed: true, from: 'on_site', to: 'on_hold' });
  });

  it('lets a manager who is also a technician resolve a job assigned to someone else', () => {
    const decision = decideTicketTransition(
      request({
        ticket: ticketIn('taken_back', { technicianId: OTHER_TECHNICIAN_ID }),
        action: 'resolve',
        actor: actor(['manager', 'technician']),
      }),
    );
    expect(decision).toEqual({ allowed: true, from: 'taken_back', to: 'resolved' });
  });
});

describe('decideTicketTransition: required input', () => {
  const only = (fields: readonly (keyof TicketActionInput)[]): TicketActionInput =>
    Object.fromEntries(fields.map((field) => [field, FULL_INPUT[field]]));

  it.each(TICKET_ACTIONS)('allows %s with only its required fields', (action) => {
    const decision = decideTicketTransition(
      request({ ticket: ticketIn(startOf(action)), action, input: only(EXPECTED_REQUIRES[action]) }),
    );
    expect(decision).toMatchObject({ allowed: true });
  });

  const FIELD_PAIRS = TICKET_ACTIONS.flatMap((action) =>
    EXPECTED_REQUIRES[action].map((field) => [action, field] as const),
  );

  it.each(FIELD_PAIRS)('refuses %s without %s, naming it', (action, field) => {
    const blanks: unknown[] = [undefined, null];
    if (typeof FULL_INPUT[field] === 'string') blanks.push('', '   ');
    if (Array.isArray(FULL_INPUT[field])) blanks.push([]);
    for (const blank of blanks) {
      const decision = decideTicketTransition(
        request({
          ticket: ticketIn(startOf(action)),
          action,
          input: { ...FULL_INPUT, [field]: blank },
        }),
      );
      expect(decision).toMatchObject({
        allowed: false,
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field, problems: [`${field} is required`] }] },
      });
    }
  });

  it('names every missing field at once', () => {
    const decision = decideTicketTransition(
      request({ ticket: ticketIn('diagnosed'), action: 'resolve', input: { outcome: '已修复' } }),
    );
    expect(decision).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'customerName' }, { field: 'confirmedAt' }] },
    });
  });

  it('checks the input before the state', () => {
    const decision = decideTicketTransition(
      request({ ticket: ticketIn('closed'), action: 'cancel', input: {} }),
    );
    expect(decision).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it.each(['close', 'cancel', 'reopen', 'reschedule'] as const)(
    'refuses a %s reason over 500 characters',
    (action) => {
      const at = (reason: string) =>
        decideTicketTransition(
          request({ ticket: ticketIn(startOf(action)), action, input: { ...FULL_INPUT, reason } }),
        );
      expect(at('x'.repeat(500))).toMatchObject({ allowed: true });
      expect(at('x'.repeat(501))).toMatchObject({
        allowed: false,
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'reason', problems: ['reason must be at most 500 characters'] }] },
      });
    },
  );

  it('allows other text up to 2000 characters', () => {
    const at = (diagnosis: string) =>
      decideTicketTransition(
        request({ ticket: ticketIn('on_site'), action: 'diagnose', input: { ...FULL_INPUT, diagnosis } }),
      );
    expect(at('x'.repeat(2000))).toMatchObject({ allowed: true });
    expect(at('x'.repeat(2001))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'diagnosis' }] },
    });
  });
});

describe('decideTicketTransition: a reason for re-dispatching', () => {
  const dispatch = (ticket: WorkflowTicket, reason?: string) =>
    decideTicketTransition(
      request({
        ticket,
        action: 'dispatch',
        input: { technicianId: OTHER_TECHNICIAN_ID, ...(reason === undefined ? {} : { reason }) },
      }),
    );

  it.each(['dispatched', 'accepted'] as const)(
    'asks why a %s ticket goes to another technician',
    (status) => {
      for (const reason of [undefined, '', '  ']) {
        expect(dispatch(ticketIn(status), reason)).toMatchObject({
          allowed: false,
          code: 'VALIDATION_FAILED',
          details: { fields: [{ field: 'reason' }] },
        });
      }
      expect(dispatch(ticketIn(status), '原维修人员请假')).toEqual({
        allowed: true,
        from: status,
        to: 'dispatched',
      });
    },
  );

  it('needs no reason for the first dispatch', () => {
    expect(dispatch(ticketIn('reported', { technicianId: null }))).toMatchObject({ allowed: true });
  });

  it('needs no reason from reported even when a technician is already set', () => {
    expect(dispatch(ticketIn('reported'))).toMatchObject({ allowed: true });
  });

  it('needs no reason to dispatch a reopened ticket again', () => {
    expect(dispatch(ticketIn('reopened'))).toMatchObject({ allowed: true });
  });

  it('needs no reason when a dispatched ticket has no technician yet', () => {
    expect(dispatch(ticketIn('dispatched', { technicianId: null }))).toMatchObject({ allowed: true });
  });

  it('refuses a re-dispatch reason over 500 characters', () => {
    expect(dispatch(ticketIn('accepted'), 'x'.repeat(501))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'reason' }] },
    });
  });
});
