import { decideTransition } from '../../common/workflow/transition';
import { ROLES, type Role } from '../../users/domain/roles';
import { DOCUMENT_STATUSES, type DocumentStatus } from './document-fields';
import {
  DOCUMENT_ACTIONS,
  DOCUMENT_WORKFLOW,
  type DocumentAction,
  newVersionProblems,
  reviewProblems,
  versionStatus,
  withdrawalProblems,
} from './document-workflow';

const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe('document workflow', () => {
  const allowed: Record<DocumentAction, readonly DocumentStatus[]> = {
    update: ['draft', 'current'],
    add_version: ['draft', 'current'],
    review: ['current'],
    withdraw: ['draft', 'current'],
  };
  const pairs = DOCUMENT_ACTIONS.flatMap((action) =>
    DOCUMENT_STATUSES.map((status) => [action, status] as const),
  );

  it.each(pairs)('%s from %s', (action, status) => {
    const decision = decideTransition({
      entity: 'document',
      action,
      rule: DOCUMENT_WORKFLOW[action],
      status,
      actorRoles: ['manager'],
      inputProblems: [],
    });
    if (allowed[action].includes(status)) {
      expect(decision).toMatchObject({ allowed: true, from: status });
    } else {
      expect(decision).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    }
  });

  it('takes a first version and a withdrawal to their states', () => {
    expect(DOCUMENT_WORKFLOW.add_version.to).toBe('current');
    expect(DOCUMENT_WORKFLOW.withdraw.to).toBe('withdrawn');
    expect(DOCUMENT_WORKFLOW.review.to).toBe('unchanged');
  });

  it.each(ROLES.map((role) => [role]))(
    'lets %s change documents only as a manager or admin',
    (role: Role) => {
      const writer = role === 'manager' || role === 'admin';
      for (const action of DOCUMENT_ACTIONS) {
        const decision = decideTransition({
          entity: 'document',
          action,
          rule: DOCUMENT_WORKFLOW[action],
          status: 'current',
          actorRoles: [role],
          inputProblems: [],
        });
        expect({ action, outcome: decision.allowed || decision.code }).toEqual({
          action,
          outcome: writer ? true : 'FORBIDDEN',
        });
      }
    },
  );
});

describe('newVersionProblems', () => {
  const current = { label: 'A/0', approvedOn: '2026-03-01' };
  const today = '2026-06-01';

  it('takes a first version approved by today, with or without a review date', () => {
    expect(
      newVersionProblems({ approvedOn: today, nextReviewOn: null, changeNote: null }, null, today),
    ).toEqual([]);
    expect(
      newVersionProblems(
        { approvedOn: '2026-05-01', nextReviewOn: '2027-05-01', changeNote: null },
        null,
        today,
      ),
    ).toEqual([]);
  });

  it('refuses a future approval, one before the current version, a review date not after it', () => {
    expect(
      fields(
        newVersionProblems({ approvedOn: '2026-06-02', nextReviewOn: null, changeNote: 'x' }, current, today),
      ),
    ).toEqual(['approvedOn']);
    expect(
      newVersionProblems({ approvedOn: '2026-02-28', nextReviewOn: null, changeNote: 'x' }, current, today),
    ).toEqual([
      {
        field: 'approvedOn',
        problems: ['approvedOn must not be before the approval of the current version A/0 (2026-03-01)'],
      },
    ]);
    expect(
      fields(
        newVersionProblems(
          { approvedOn: '2026-05-01', nextReviewOn: '2026-05-01', changeNote: 'x' },
          current,
          today,
        ),
      ),
    ).toEqual(['nextReviewOn']);
  });

  it('takes a revision approved the same day as the current version, and asks it for a change note', () => {
    expect(
      newVersionProblems(
        { approvedOn: '2026-03-01', nextReviewOn: null, changeNote: '条款 4.2 修订' },
        current,
        today,
      ),
    ).toEqual([]);
    expect(
      fields(
        newVersionProblems(
          { approvedOn: '2026-03-01', nextReviewOn: null, changeNote: null },
          current,
          today,
        ),
      ),
    ).toEqual(['changeNote']);
  });
});

describe('reviewProblems', () => {
  const current = { label: 'A/0', approvedOn: '2026-03-01' };
  const today = '2026-06-01';
  const review = (reviewedOn: string, nextReviewOn = '2027-06-01') => ({ reviewedOn, nextReviewOn });

  it('takes a review between the approval (or the last review) and today', () => {
    expect(reviewProblems(review('2026-03-01'), current, null, today)).toEqual([]);
    expect(reviewProblems(review(today), current, '2026-05-01', today)).toEqual([]);
    expect(reviewProblems(review('2026-05-01'), current, '2026-05-01', today)).toEqual([]);
  });

  it('refuses a review in the future, before the approval, before the last review', () => {
    expect(fields(reviewProblems(review('2026-06-02'), current, null, today))).toEqual(['reviewedOn']);
    expect(fields(reviewProblems(review('2026-02-28'), current, null, today))).toEqual(['reviewedOn']);
    expect(reviewProblems(review('2026-04-30'), current, '2026-05-01', today)).toEqual([
      { field: 'reviewedOn', problems: ['reviewedOn must not be before the last review (2026-05-01)'] },
    ]);
  });

  it('needs the next review after this one', () => {
    expect(fields(reviewProblems(review('2026-05-01', '2026-05-01'), current, null, today))).toEqual([
      'nextReviewOn',
    ]);
  });
});

describe('withdrawalProblems', () => {
  const current = { label: 'B/1', approvedOn: '2026-03-01' };

  it('dates a withdrawal between the approval of the current version and today', () => {
    expect(withdrawalProblems('2026-03-01', current, '2026-06-01')).toEqual([]);
    expect(withdrawalProblems('2026-06-01', null, '2026-06-01')).toEqual([]);
    expect(fields(withdrawalProblems('2026-06-02', current, '2026-06-01'))).toEqual(['withdrawnOn']);
    expect(fields(withdrawalProblems('2026-02-28', current, '2026-06-01'))).toEqual(['withdrawnOn']);
  });
});

describe('versionStatus', () => {
  it('marks the current version, superseded ones, and the last one of a withdrawn document', () => {
    const document = { status: 'current' as const, currentVersionId: 'v2' };
    expect(versionStatus('v2', document)).toBe('current');
    expect(versionStatus('v1', document)).toBe('superseded');
    expect(versionStatus('v2', { ...document, status: 'withdrawn' })).toBe('withdrawn');
    expect(versionStatus('v1', { ...document, status: 'withdrawn' })).toBe('superseded');
  });
});
