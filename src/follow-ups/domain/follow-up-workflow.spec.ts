import { ROLES, type Role } from '../../users/domain/roles';
import { FOLLOW_UP_STATUSES, type FollowUpStatus, UNREACHABLE_AFTER_ATTEMPTS } from './follow-up-fields';
import {
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_WORKFLOW,
  type CompletionInput,
  type WorkflowFollowUp,
  afterAttempt,
  completionProblems,
  decideFollowUpTransition,
  reopenReason,
} from './follow-up-workflow';

const ME = 'user-1';
const visit = (status: FollowUpStatus, fields: Partial<WorkflowFollowUp> = {}): WorkflowFollowUp => ({
  kind: 'follow_up',
  status,
  assigneeId: null,
  ...fields,
});
const actor = (roles: Role[], id = ME) => ({ id, roles });
const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field).sort();

describe('follow-up workflow', () => {
  it('allows every action only on a pending visit, and refuses the rest with INVALID_TRANSITION', () => {
    for (const action of FOLLOW_UP_ACTIONS) {
      for (const status of FOLLOW_UP_STATUSES) {
        const decision = decideFollowUpTransition({
          followUp: visit(status),
          action,
          actor: actor(['manager']),
        });
        if (status === 'pending') {
          const to = FOLLOW_UP_WORKFLOW[action].to;
          expect([action, decision]).toEqual([
            action,
            { allowed: true, from: 'pending', to: to === 'unchanged' ? 'pending' : to },
          ]);
        } else {
          expect([action, status, decision.allowed && 'allowed']).toEqual([action, status, false]);
          expect(decision).toMatchObject({ code: 'INVALID_TRANSITION' });
        }
      }
    }
  });

  it('gives each action to its roles only', () => {
    const allowed = (action: (typeof FOLLOW_UP_ACTIONS)[number]) =>
      ROLES.filter(
        (role) =>
          decideFollowUpTransition({
            followUp: visit('pending', { kind: 'inspection', assigneeId: ME }),
            action,
            actor: actor([role]),
          }).allowed,
      );
    expect(allowed('assign')).toEqual(['manager']);
    expect(allowed('complete')).toEqual(['agent', 'technician', 'manager']);
    expect(allowed('record_attempt')).toEqual(['agent', 'technician', 'manager']);
    expect(allowed('mark_unreachable')).toEqual(['agent', 'manager']);
    expect(allowed('cancel')).toEqual(['manager']);
  });

  it('lets a technician act only on an inspection assigned to them, never on a follow-up', () => {
    const technician = actor(['technician']);
    const decide = (followUp: WorkflowFollowUp) =>
      decideFollowUpTransition({ followUp, action: 'complete', actor: technician });
    expect(decide(visit('pending', { kind: 'inspection', assigneeId: ME })).allowed).toBe(true);
    expect(decide(visit('pending', { kind: 'inspection', assigneeId: 'someone-else' }))).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    expect(decide(visit('pending', { kind: 'follow_up', assigneeId: ME }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    // An agent who is also a technician acts as the agent.
    expect(
      decideFollowUpTransition({
        followUp: visit('pending', { kind: 'follow_up' }),
        action: 'complete',
        actor: actor(['technician', 'agent']),
      }).allowed,
    ).toBe(true);
  });

  it('checks the role, then the input, then the state', () => {
    const problems = [{ field: 'score', problems: ['score is required'] }];
    expect(
      decideFollowUpTransition({
        followUp: visit('completed'),
        action: 'complete',
        actor: actor(['auditor']),
        inputProblems: problems,
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      decideFollowUpTransition({
        followUp: visit('completed'),
        action: 'complete',
        actor: actor(['agent']),
        inputProblems: problems,
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: problems } });
  });

  it(`makes the visit unreachable at the ${UNREACHABLE_AFTER_ATTEMPTS}rd failed attempt, not before`, () => {
    expect(UNREACHABLE_AFTER_ATTEMPTS).toBe(3);
    expect(afterAttempt(0)).toEqual({ attempts: 1, status: 'pending' });
    expect(afterAttempt(1)).toEqual({ attempts: 2, status: 'pending' });
    expect(afterAttempt(2)).toEqual({ attempts: 3, status: 'unreachable' });
  });
});

describe('completionProblems', () => {
  const contactedAt = new Date('2026-06-18T02:00:00Z');
  const satisfied: CompletionInput = { method: 'phone', contactedAt, satisfied: true, score: 5 };

  it('accepts a satisfied follow-up with or without comments and with action none', () => {
    expect(completionProblems('follow_up', satisfied)).toEqual([]);
    expect(completionProblems('follow_up', { ...satisfied, comments: '很好', action: 'none' })).toEqual([]);
  });

  it('names every missing field of a follow-up', () => {
    expect(fields(completionProblems('follow_up', {}))).toEqual([
      'contactedAt',
      'method',
      'satisfied',
      'score',
    ]);
  });

  it('asks a dissatisfied follow-up for the comments and what happens next', () => {
    const dissatisfied = { ...satisfied, satisfied: false, score: 2 };
    expect(fields(completionProblems('follow_up', dissatisfied))).toEqual(['action', 'comments']);
    expect(completionProblems('follow_up', { ...dissatisfied, comments: '   ', action: 'none' })).toEqual([
      { field: 'comments', problems: ['comments is required'] },
    ]);
    expect(
      completionProblems('follow_up', { ...dissatisfied, comments: '又坏了', action: 'reopen_ticket' }),
    ).toEqual([]);
  });

  it('wants a complaint exactly with action open_complaint', () => {
    const base = { ...satisfied, satisfied: false, score: 1, comments: '师傅态度差' };
    expect(fields(completionProblems('follow_up', { ...base, action: 'open_complaint' }))).toEqual([
      'complaint',
    ]);
    expect(
      completionProblems('follow_up', {
        ...base,
        action: 'open_complaint',
        complaint: { category: 'attitude' },
      }),
    ).toEqual([]);
    expect(
      fields(
        completionProblems('follow_up', {
          ...base,
          action: 'reopen_ticket',
          complaint: { category: 'attitude' },
        }),
      ),
    ).toEqual(['complaint']);
  });

  it('refuses an action other than none when the customer is satisfied', () => {
    expect(completionProblems('follow_up', { ...satisfied, action: 'reopen_ticket' })).toEqual([
      { field: 'action', problems: ['action must be none when the customer is satisfied'] },
    ]);
  });

  it('keeps inspection fields off a follow-up, and follow-up actions off an inspection', () => {
    expect(fields(completionProblems('follow_up', { ...satisfied, findings: 'x', openTicket: {} }))).toEqual([
      'findings',
      'openTicket',
    ]);
    expect(
      fields(
        completionProblems('inspection', { contactedAt, findings: '正常', action: 'none', complaint: {} }),
      ),
    ).toEqual(['action', 'complaint']);
  });

  it('asks an inspection for its visit time and findings only', () => {
    expect(fields(completionProblems('inspection', { findings: ' ' }))).toEqual(['contactedAt', 'findings']);
    expect(completionProblems('inspection', { contactedAt, findings: '滤网脏堵，已清洗' })).toEqual([]);
    expect(completionProblems('inspection', { contactedAt, findings: '冷凝器腐蚀', openTicket: {} })).toEqual(
      [],
    );
  });
});

describe('reopenReason', () => {
  it('names the follow-up and fits the ticket reason limit', () => {
    expect(reopenReason('FU2026-000001', ' 又不制冷了 ')).toBe('回访 FU2026-000001 客户不满意：又不制冷了');
    const long = reopenReason('FU2026-000001', '很'.repeat(2000));
    expect(long).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
  });
});
