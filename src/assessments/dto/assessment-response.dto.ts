import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseOf } from '../../common/http/pagination';
import { INDICATORS, type EvidenceCode, type Indicator } from '../../evidence/domain/evidence-types';
import type { AssessmentView } from '../assessments.service';
import {
  ADJUSTMENT_KINDS,
  ASSESSMENT_STATUSES,
  DEDUCTION_CATEGORIES,
  DEDUCTION_CATEGORY_LABELS,
  EVIDENCE_REFERENCE_KINDS,
  RECORD_TYPES,
  type AdjustmentKind,
  type AssessmentStatus,
  type DeductionCategory,
  type EvidenceReference,
  type EvidenceReferenceKind,
  type RecordType,
} from '../domain/assessment-fields';
import type { ScoreComparison } from '../domain/compare';
import { GAP_KINDS, type Gap, type GapKind } from '../domain/gaps';
import { ITEM_TYPES, type ItemType } from '../domain/rule-set';
import { SAMPLE_PROBLEMS, SAMPLE_PROBLEM_LABELS, type SampleProblem } from '../domain/sample-checks';
import {
  ITEM_STATUSES,
  NOT_CERTIFIED_REASONS,
  RESULT_LEVELS,
  RESULT_LEVEL_LABELS,
  type ItemStatus,
  type NotCertifiedReason,
  type Outcome,
  type ResultLevel,
  type Score,
} from '../domain/scoring';
import { INDICATOR_LABELS } from '../../evidence/domain/evidence-types';
import { CATEGORIES, type Category } from '../domain/standard';
import type { Suggestion } from '../assessment-suggestions.service';
import { KpiValueResponse } from '../../kpis/dto/kpi-response.dto';
import type { KpiValue } from '../../kpis/kpi-report';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export class PersonResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class RuleSetRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Reports made with it say "indicative"' }) indicative!: boolean;
}

export class OutcomeResponse {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 91.75,
    description: 'Exact where a decimal can say it',
  })
  final!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '91.7',
    description: "Cut to the rule set's decimals",
  })
  finalDisplay!: string | null;
  @ApiProperty({ enum: RESULT_LEVELS, nullable: true, description: 'Decided on the exact score' })
  level!: ResultLevel | null;
  @ApiProperty({ type: String, nullable: true, example: '四星' }) levelName!: string | null;
  @ApiProperty({ enum: NOT_CERTIFIED_REASONS, isArray: true }) notCertifiedReasons!: NotCertifiedReason[];
}

export class ScoreResponse extends OutcomeResponse {
  @ApiProperty({ example: 100 }) totalPoints!: number;
  @ApiProperty({ example: 96 }) applicablePoints!: number;
  @ApiProperty({ example: 4 }) excludedPoints!: number;
  @ApiProperty({ example: 90 }) earnedPoints!: number;
  @ApiProperty({ example: 6 }) lostPoints!: number;
  @ApiProperty({ description: 'Applicable items with nothing recorded: not earned' }) pendingPoints!: number;
  @ApiProperty({ type: Number, nullable: true, example: 93.75 }) base!: number | null;
  @ApiProperty() specialDeductions!: number;
  @ApiProperty({ description: 'Counted, at most the rule set allows' }) specialBonuses!: number;
  @ApiProperty() deductionPoints!: number;
  @ApiProperty() bonusPoints!: number;
  @ApiProperty() adjustmentsApplied!: string;
  @ApiProperty() decimals!: number;
  @ApiProperty({ type: OutcomeResponse, nullable: true, description: 'If every pending item conformed' })
  ifPendingConform!: OutcomeResponse | null;
}

export class IndicatorResponse {
  @ApiProperty({ enum: INDICATORS }) indicator!: Indicator;
  @ApiProperty({ example: '维修' }) zh!: string;
  @ApiProperty({ example: 'Repair' }) en!: string;
  @ApiProperty({ enum: CATEGORIES }) category!: Category;
  @ApiProperty() points!: number;
  @ApiProperty() applicablePoints!: number;
  @ApiProperty() excludedPoints!: number;
  @ApiProperty() earned!: number;
  @ApiProperty() lost!: number;
  @ApiProperty() pending!: number;
  @ApiProperty({ description: 'What the lost points cost the score out of 100' }) scoreCost!: number;
  @ApiProperty({ type: [String] }) itemCodes!: string[];
  @ApiPropertyOptional({
    type: [KpiValueResponse],
    description: "The period's KPIs that inform the indicator; on GET /assessments/:id only",
  })
  kpis?: KpiValueResponse[];
}

export class ProblemResponse {
  @ApiProperty({ enum: SAMPLE_PROBLEMS }) code!: SampleProblem;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class RecordRefResponse {
  @ApiProperty({ enum: RECORD_TYPES }) recordType!: RecordType;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'RT2026-000001' }) number!: string | null;
  @ApiPropertyOptional({ type: [ProblemResponse], description: 'Why a suggestion found it non-conforming' })
  problems?: ProblemResponse[];
}

export class EvidenceRefResponse {
  @ApiProperty({ enum: EVIDENCE_REFERENCE_KINDS }) kind!: EvidenceReferenceKind;
  @ApiPropertyOptional({ enum: RECORD_TYPES }) recordType?: RecordType;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) number?: string | null;
}

export class SampleBasisResponse {
  @ApiProperty({ example: 'repair-records' }) evidence!: string;
  @ApiProperty() seed!: string;
  @ApiProperty() sampleSize!: number;
  @ApiProperty({ description: 'Records of the period drawn from' }) population!: number;
  @ApiProperty({ type: [RecordRefResponse] }) records!: RecordRefResponse[];
}

export class AssessmentItemResponse {
  @ApiProperty({ example: 'repair' }) code!: string;
  @ApiProperty({ enum: INDICATORS }) indicator!: Indicator;
  @ApiProperty() title!: string;
  @ApiProperty() points!: number;
  @ApiProperty({ enum: ITEM_TYPES }) type!: ItemType;
  @ApiProperty({ type: [String], description: 'Evidence types the rule set links to the item' })
  evidenceTypes!: EvidenceCode[];
  @ApiProperty() applicable!: boolean;
  @ApiProperty({ type: String, nullable: true }) exclusionReason!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) conforms!: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) checked!: number | null;
  @ApiProperty({ type: Number, nullable: true }) nonConforming!: number | null;
  @ApiProperty({ type: [RecordRefResponse] }) nonConformingRecords!: RecordRefResponse[];
  @ApiProperty({
    type: SampleBasisResponse,
    nullable: true,
    description: 'The draw of an applied suggestion',
  })
  sampleBasis!: SampleBasisResponse | null;
  @ApiProperty({ type: String, nullable: true }) findings!: string | null;
  @ApiProperty({ type: [EvidenceRefResponse] }) evidence!: EvidenceRefResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt!: string | null;
  @ApiProperty({ type: PersonResponse, nullable: true }) recordedBy!: PersonResponse | null;
  @ApiProperty({ enum: ITEM_STATUSES }) status!: ItemStatus;
  @ApiProperty() earned!: number;
  @ApiProperty() lost!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() scoreCost!: number;
}

export class AdjustmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ADJUSTMENT_KINDS }) kind!: AdjustmentKind;
  @ApiProperty({ enum: DEDUCTION_CATEGORIES, nullable: true }) category!: DeductionCategory | null;
  @ApiProperty({ type: String, nullable: true, example: '违反法律法规' }) categoryName!: string | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) rectification!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: PersonResponse }) createdBy!: PersonResponse;
}

export class AssessmentSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ASSESSMENT_STATUSES }) status!: AssessmentStatus;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: RuleSetRefResponse }) ruleSet!: RuleSetRefResponse;
  @ApiProperty({ type: Number, nullable: true }) final!: number | null;
  @ApiProperty({ type: String, nullable: true }) finalDisplay!: string | null;
  @ApiProperty({ enum: RESULT_LEVELS, nullable: true }) level!: ResultLevel | null;
  @ApiProperty({ type: String, nullable: true }) levelName!: string | null;
  @ApiProperty() pendingPoints!: number;
  @ApiProperty({ type: PersonResponse }) createdBy!: PersonResponse;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) frozenAt!: string | null;
  @ApiProperty({ type: PersonResponse, nullable: true }) frozenBy!: PersonResponse | null;
}

export class AssessmentResponse extends AssessmentSummaryResponse {
  @ApiProperty({ type: ScoreResponse, description: 'Computed while a draft; the frozen snapshot afterwards' })
  score!: ScoreResponse;
  @ApiProperty({ type: [IndicatorResponse] }) indicators!: IndicatorResponse[];
  @ApiProperty({ type: [AssessmentItemResponse] }) items!: AssessmentItemResponse[];
  @ApiProperty({ type: [AdjustmentResponse] }) adjustments!: AdjustmentResponse[];
}

export class AssessmentPageResponse extends PageResponseOf(AssessmentSummaryResponse) {}

function outcome(value: Outcome): OutcomeResponse {
  return {
    final: value.final,
    finalDisplay: value.finalDisplay,
    level: value.level,
    levelName: value.level === null ? null : RESULT_LEVEL_LABELS[value.level].zh,
    notCertifiedReasons: value.notCertifiedReasons,
  };
}

function problems(codes: readonly SampleProblem[] | undefined): ProblemResponse[] | undefined {
  return codes?.map((code) => ({ code, ...SAMPLE_PROBLEM_LABELS[code] }));
}

function evidenceRef(reference: EvidenceReference): EvidenceRefResponse {
  return reference.kind === 'record'
    ? { kind: 'record', recordType: reference.recordType, id: reference.id, number: reference.number }
    : { kind: reference.kind, id: reference.id };
}

export function toScoreResponse(score: Score): ScoreResponse {
  return {
    ...outcome(score),
    totalPoints: score.totalPoints,
    applicablePoints: score.applicablePoints,
    excludedPoints: score.excludedPoints,
    earnedPoints: score.earnedPoints,
    lostPoints: score.lostPoints,
    pendingPoints: score.pendingPoints,
    base: score.base,
    specialDeductions: score.specialDeductions,
    specialBonuses: score.specialBonuses,
    deductionPoints: score.deductionPoints,
    bonusPoints: score.bonusPoints,
    adjustmentsApplied: score.adjustmentsApplied,
    decimals: score.decimals,
    ifPendingConform: score.ifPendingConform === null ? null : outcome(score.ifPendingConform),
  };
}

export function toAssessmentSummary(view: AssessmentView): AssessmentSummaryResponse {
  const { assessment, ruleSet, score } = view;
  return {
    id: assessment.id,
    version: assessment.version,
    title: assessment.title,
    status: assessment.status,
    from: assessment.periodFrom,
    to: assessment.periodTo,
    ruleSet: {
      id: ruleSet.id,
      versionNumber: ruleSet.versionNumber,
      name: ruleSet.name,
      indicative: ruleSet.indicative,
    },
    final: score.final,
    finalDisplay: score.finalDisplay,
    level: score.level,
    levelName: score.level === null ? null : RESULT_LEVEL_LABELS[score.level].zh,
    pendingPoints: score.pendingPoints,
    createdBy: view.createdBy,
    createdAt: assessment.createdAt.toISOString(),
    updatedAt: assessment.updatedAt.toISOString(),
    frozenAt: iso(assessment.frozenAt),
    frozenBy: view.frozenBy,
  };
}

/** The assessment whole; with the period's KPIs, each indicator shows those that inform it. */
export function toAssessmentResponse(view: AssessmentView, kpis?: readonly KpiValue[]): AssessmentResponse {
  const { score } = view;
  return {
    ...toAssessmentSummary(view),
    score: toScoreResponse(score),
    indicators: score.indicators.map((indicator) => ({
      ...indicator,
      ...INDICATOR_LABELS[indicator.indicator],
      ...(kpis && {
        kpis: kpis
          .filter((kpi) => kpi.indicators.includes(indicator.indicator))
          .map((kpi) => ({ ...kpi, indicators: [...kpi.indicators] })),
      }),
    })),
    items: view.items.map(({ item, record, recordedBy }) => {
      const scored = score.items.find((entry) => entry.code === item.code);
      return {
        code: item.code,
        indicator: item.indicator,
        title: item.title,
        points: item.points,
        type: item.type,
        evidenceTypes: item.evidence,
        applicable: record.applicable,
        exclusionReason: record.exclusionReason,
        conforms: record.conforms,
        checked: record.checked,
        nonConforming: record.nonConforming,
        nonConformingRecords: record.nonConformingRecords.map((reference) => ({
          recordType: reference.recordType,
          id: reference.id,
          number: reference.number,
          problems: problems(reference.problems),
        })),
        sampleBasis: record.sampleBasis && {
          ...record.sampleBasis,
          records: record.sampleBasis.records.map((reference) => ({
            ...reference,
            problems: problems(reference.problems),
          })),
        },
        findings: record.findings,
        evidence: record.evidence.map(evidenceRef),
        recordedAt: iso(record.recordedAt),
        recordedBy,
        status: scored?.status ?? 'pending',
        earned: scored?.earned ?? 0,
        lost: scored?.lost ?? 0,
        pending: scored?.pending ?? 0,
        scoreCost: scored?.scoreCost ?? 0,
      };
    }),
    adjustments: view.adjustments.map((adjustment) => ({
      id: adjustment.id,
      kind: adjustment.kind,
      category: adjustment.category,
      categoryName: adjustment.category === null ? null : DEDUCTION_CATEGORY_LABELS[adjustment.category].zh,
      reason: adjustment.reason,
      rectification: adjustment.rectification,
      createdAt: adjustment.createdAt.toISOString(),
      createdBy: adjustment.createdByRef,
    })),
  };
}

export class JudgedRecordResponse extends RecordRefResponse {
  @ApiProperty() conforming!: boolean;
}

export class SuggestionResponse {
  @ApiProperty() itemCode!: string;
  @ApiProperty({ example: 'repair-records' }) evidence!: string;
  @ApiProperty() seed!: string;
  @ApiProperty() sampleSize!: number;
  @ApiProperty({ description: 'Records of the period the sample was drawn from' }) population!: number;
  @ApiProperty() checked!: number;
  @ApiProperty() nonConforming!: number;
  @ApiProperty({ type: [JudgedRecordResponse] }) records!: JudgedRecordResponse[];
}

export class SuggestionsResponse {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty({ description: 'The assessment version the suggestions were made on' }) version!: number;
  @ApiProperty({ type: [SuggestionResponse] }) suggestions!: SuggestionResponse[];
}

export function toSuggestionsResponse(view: AssessmentView, suggestions: Suggestion[]): SuggestionsResponse {
  return {
    assessmentId: view.assessment.id,
    version: view.assessment.version,
    suggestions: suggestions.map((suggestion) => ({
      ...suggestion,
      records: suggestion.records.map((record) => ({
        recordType: record.recordType,
        id: record.id,
        number: record.number,
        conforming: record.problems.length === 0,
        problems: problems(record.problems),
      })),
    })),
  };
}

export class GapRecordResponse {
  @ApiProperty({ example: 'ticket' }) recordType!: string;
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) number!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class GapTitleResponse {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class GapResponse {
  @ApiProperty({ enum: GAP_KINDS }) kind!: GapKind;
  @ApiProperty({ type: GapTitleResponse }) title!: GapTitleResponse;
  @ApiProperty({ enum: INDICATORS, isArray: true }) indicators!: Indicator[];
  @ApiProperty({ type: [String] }) itemCodes!: string[];
  @ApiProperty({ type: String, nullable: true }) evidence!: string | null;
  @ApiProperty({ description: 'Rule-set points at stake' }) points!: number;
  @ApiProperty({ description: 'The same on the score out of 100' }) scorePoints!: number;
  @ApiProperty({ description: 'true: lost (or not yet earned); false: at risk' }) lost!: boolean;
  @ApiProperty({ description: 'Records behind it, all of them' }) count!: number;
  @ApiProperty({ type: [GapRecordResponse], description: 'The first of them' }) records!: GapRecordResponse[];
}

export class GapsResponse {
  @ApiProperty({ type: AssessmentSummaryResponse }) assessment!: AssessmentSummaryResponse;
  @ApiProperty({ type: [GapResponse], description: 'Most points at stake first' }) gaps!: GapResponse[];
}

export function toGapsResponse(view: AssessmentView, gaps: Gap[]): GapsResponse {
  return { assessment: toAssessmentSummary(view), gaps };
}

export class IndicatorSideResponse {
  @ApiProperty() points!: number;
  @ApiProperty() applicablePoints!: number;
  @ApiProperty() earned!: number;
  @ApiProperty() lost!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() scoreCost!: number;
  @ApiProperty({ type: Number, nullable: true }) earnedShare!: number | null;
}

export class IndicatorComparisonResponse {
  @ApiProperty({ enum: INDICATORS }) indicator!: Indicator;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ type: IndicatorSideResponse, nullable: true }) before!: IndicatorSideResponse | null;
  @ApiProperty({ type: IndicatorSideResponse, nullable: true }) after!: IndicatorSideResponse | null;
  @ApiProperty({ type: Number, nullable: true }) scoreCostChange!: number | null;
}

export class ComparisonResponse {
  @ApiProperty({ type: AssessmentSummaryResponse, description: 'The earlier assessment (otherId)' })
  before!: AssessmentSummaryResponse;
  @ApiProperty({ type: AssessmentSummaryResponse, description: 'This assessment (id)' })
  after!: AssessmentSummaryResponse;
  @ApiProperty({ type: Number, nullable: true }) finalChange!: number | null;
  @ApiProperty({ enum: ['up', 'down', 'same'], nullable: true }) levelChange!: 'up' | 'down' | 'same' | null;
  @ApiProperty({ type: [IndicatorComparisonResponse] }) indicators!: IndicatorComparisonResponse[];
}

export function toComparisonResponse(
  before: AssessmentView,
  after: AssessmentView,
  comparison: ScoreComparison,
): ComparisonResponse {
  return {
    before: toAssessmentSummary(before),
    after: toAssessmentSummary(after),
    finalChange: comparison.finalChange,
    levelChange: comparison.levelChange,
    indicators: comparison.indicators.map((entry) => ({ ...entry, ...INDICATOR_LABELS[entry.indicator] })),
  };
}
