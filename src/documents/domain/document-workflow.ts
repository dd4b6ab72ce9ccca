import type { CalendarDate } from '../../common/calendar';
import type { FieldProblem } from '../../common/errors/validation-errors';
import type { TransitionRule } from '../../common/workflow/transition';
import type { Role } from '../../users/domain/roles';
import type { DocumentStatus, VersionStatus } from './document-fields';

/** The register is kept by the service managers (and IT); everyone else reads it. */
export const DOCUMENT_WRITERS: readonly Role[] = ['manager', 'admin'];

export const DOCUMENT_ACTIONS = ['update', 'add_version', 'review', 'withdraw'] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

/**
 * What may happen to a document in each state. A withdrawn document is history: nothing changes it
 * any more. Only a document in force is reviewed; a draft gets its first version.
 */
export const DOCUMENT_WORKFLOW: Readonly<Record<DocumentAction, TransitionRule<DocumentStatus>>> = {
  update: { from: ['draft', 'current'], to: 'unchanged', roles: DOCUMENT_WRITERS },
  add_version: { from: ['draft', 'current'], to: 'current', roles: DOCUMENT_WRITERS },
  review: { from: ['current'], to: 'unchanged', roles: DOCUMENT_WRITERS },
  withdraw: { from: ['draft', 'current'], to: 'withdrawn', roles: DOCUMENT_WRITERS },
};

/** The version in force, as the rules on the next step see it. */
export interface CurrentVersionFacts {
  label: string;
  approvedOn: CalendarDate;
}

export interface NewVersionInput {
  approvedOn: CalendarDate;
  nextReviewOn: CalendarDate | null;
  changeNote: string | null;
}

/**
 * A new version is approved by today, not before the version it supersedes (so the latest approved
 * is always the newest, and history reads in order), reviewed after its approval, and a revision says
 * what changed.
 */
export function newVersionProblems(
  input: NewVersionInput,
  current: CurrentVersionFacts | null,
  today: CalendarDate,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.approvedOn > today) {
    problems.push({ field: 'approvedOn', problems: ['approvedOn must not be in the future'] });
  } else if (current && input.approvedOn < current.approvedOn) {
    problems.push({
      field: 'approvedOn',
      problems: [
        `approvedOn must not be before the approval of the current version ${current.label} (${current.approvedOn})`,
      ],
    });
  }
  if (input.nextReviewOn !== null && input.nextReviewOn <= input.approvedOn) {
    problems.push({ field: 'nextReviewOn', problems: ['nextReviewOn must be after approvedOn'] });
  }
  if (current && input.changeNote === null) {
    problems.push({ field: 'changeNote', problems: ['changeNote is required for a revision'] });
  }
  return problems;
}

export interface ReviewInput {
  reviewedOn: CalendarDate;
  nextReviewOn: CalendarDate;
}

/**
 * A review (复审) happens by today, while the current version is in force and not before the last
 * review, and sets a later review date.
 */
export function reviewProblems(
  input: ReviewInput,
  current: CurrentVersionFacts | null,
  lastReviewedOn: CalendarDate | null,
  today: CalendarDate,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.reviewedOn > today) {
    problems.push({ field: 'reviewedOn', problems: ['reviewedOn must not be in the future'] });
  } else if (current && input.reviewedOn < current.approvedOn) {
    problems.push({
      field: 'reviewedOn',
      problems: [`reviewedOn must not be before the current version was approved (${current.approvedOn})`],
    });
  } else if (lastReviewedOn !== null && input.reviewedOn < lastReviewedOn) {
    problems.push({
      field: 'reviewedOn',
      problems: [`reviewedOn must not be before the last review (${lastReviewedOn})`],
    });
  }
  if (input.nextReviewOn <= input.reviewedOn) {
    problems.push({ field: 'nextReviewOn', problems: ['nextReviewOn must be after reviewedOn'] });
  }
  return problems;
}

/** A withdrawal is dated by today and not before the version it ends was approved. */
export function withdrawalProblems(
  withdrawnOn: CalendarDate,
  current: CurrentVersionFacts | null,
  today: CalendarDate,
): FieldProblem[] {
  if (withdrawnOn > today) {
    return [{ field: 'withdrawnOn', problems: ['withdrawnOn must not be in the future'] }];
  }
  if (current && withdrawnOn < current.approvedOn) {
    return [
      {
        field: 'withdrawnOn',
        problems: [`withdrawnOn must not be before the current version was approved (${current.approvedOn})`],
      },
    ];
  }
  return [];
}

/**
 * A version's place in the history: the document's current one is `current` while the document is in
 * force and `withdrawn` with it; every other one has been superseded.
 */
export function versionStatus(
  versionId: string,
  document: { status: DocumentStatus; currentVersionId: string | null },
): VersionStatus {
  if (versionId !== document.currentVersionId) return 'superseded';
  return document.status === 'withdrawn' ? 'withdrawn' : 'current';
}
