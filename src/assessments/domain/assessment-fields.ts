import type { Labels } from '../../common/labels';
import type { Role } from '../../users/domain/roles';
import type { SampleProblem } from './sample-checks';

/** A draft is worked on; a frozen assessment keeps its score snapshot and changes no more. */
export const ASSESSMENT_STATUSES = ['draft', 'frozen'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ADJUSTMENT_KINDS = ['deduction', 'bonus'] as const;
/** deduction: 特别扣分项 (−1 each, outside the item scores); bonus: 特别加分项 (+1, at most one). */
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** What a special deduction is for (GBT27922.md §2). */
export const DEDUCTION_CATEGORIES = ['law', 'own_rules', 'industry', 'service_system'] as const;
export type DeductionCategory = (typeof DEDUCTION_CATEGORIES)[number];

export const DEDUCTION_CATEGORY_LABELS: Labels<DeductionCategory> = {
  law: { zh: '违反法律法规', en: 'Breach of law' },
  own_rules: { zh: '违反企业自身服务规定', en: "Breach of the company's own service rules" },
  industry: { zh: '违反行业要求', en: 'Breach of an industry requirement' },
  service_system: { zh: '影响服务体系运行', en: 'Harm to the running of the service system' },
};

/** Records an item's evidence or its non-conforming sample can name. */
export const RECORD_TYPES = [
  'ticket',
  'return',
  'complaint',
  'follow_up',
  'outlet',
  'qualification',
  'training',
  'performance_review',
  'tool',
  'supplier',
  'asset',
  'customer',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const EVIDENCE_REFERENCE_KINDS = ['record', 'export', 'document'] as const;
export type EvidenceReferenceKind = (typeof EVIDENCE_REFERENCE_KINDS)[number];

/** A record of the system, named by type and id, with its number when it has one (RT2026-000001). */
export interface RecordReference {
  recordType: RecordType;
  id: string;
  number: string | null;
  /** For a record found non-conforming by a suggestion: why. */
  problems?: SampleProblem[];
}

/** Evidence linked to an item: a record, an export (a register or the pack) or a controlled document. */
export type EvidenceReference =
  | ({ kind: 'record' } & Omit<RecordReference, 'problems'>)
  | { kind: 'export'; id: string }
  | { kind: 'document'; id: string };

/** How the records of an applied suggestion were drawn, so that anyone can draw them again. */
export interface SampleBasis {
  evidence: string;
  seed: string;
  sampleSize: number;
  population: number;
  records: RecordReference[];
}

/**
 * Who works on assessments. They are company-wide (they read every outlet's records), so users bound
 * to an outlet neither read nor write them, whatever their role.
 */
export const ASSESSMENT_WRITERS: readonly Role[] = ['manager', 'admin'];
export const ASSESSMENT_READERS: readonly Role[] = ['manager', 'admin', 'auditor'];
/**
 * Suggestions and gaps are read from tickets, complaints, returns and follow-ups, which IT
 * administrators do not read: they are for managers (who apply suggestions) and auditors.
 */
export const RECORD_VIEW_READERS: readonly Role[] = ['manager', 'auditor'];
export const SUGGESTION_APPLIERS: readonly Role[] = ['manager'];

export const TITLE_MAX_LENGTH = 200;
export const TEXT_MAX_LENGTH = 2000;
export const MAX_EVIDENCE_REFERENCES = 100;
