import type { Language } from '../common/errors/error-messages';
import type { Labels } from '../common/labels';
import { type RecordFormContext, formInstants, startRecordForm } from '../evidence/pdf/form-layout';
import type { AssessmentView } from './assessments.service';
import {
  DEDUCTION_CATEGORY_LABELS,
  type EvidenceReference,
  type RecordReference,
  type RecordType,
} from './domain/assessment-fields';
import type { AdjustmentOrder, ItemType, ScoringOptions } from './domain/rule-set';
import { SAMPLE_PROBLEM_LABELS } from './domain/sample-checks';
import { type NotCertifiedReason, type Outcome, RESULT_LEVEL_LABELS } from './domain/scoring';
import {
  type AssessmentItemResponse,
  type IndicatorResponse,
  toAssessmentResponse,
} from './dto/assessment-response.dto';
import { INDICATOR_LABELS } from '../evidence/domain/evidence-types';
import type { KpiValue } from '../kpis/kpi-report';

const RECORD_TYPE_LABELS: Labels<RecordType> = {
  ticket: { zh: '工单', en: 'ticket' },
  return: { zh: '返修', en: 'return' },
  complaint: { zh: '投诉', en: 'complaint' },
  follow_up: { zh: '回访', en: 'follow-up' },
  outlet: { zh: '网点', en: 'outlet' },
  qualification: { zh: '资格证书', en: 'qualification' },
  training: { zh: '培训', en: 'training' },
  performance_review: { zh: '绩效考核', en: 'performance review' },
  tool: { zh: '设备工具', en: 'tool' },
  supplier: { zh: '供方', en: 'supplier' },
  asset: { zh: '设备', en: 'unit' },
  customer: { zh: '客户', en: 'customer' },
};

const ITEM_TYPE_LABELS: Labels<ItemType> = {
  qualitative: { zh: '定性', en: 'Qualitative' },
  sampled: { zh: '抽样', en: 'Sampled' },
};

const LABELS = {
  zh: {
    title: '售后服务自评报告',
    draftTitle: '售后服务自评报告（草稿）',
    overview: '一、自评概况',
    result: '二、评分结果',
    adjustments: '三、特别扣分项与特别加分项',
    indicators: '四、各指标得分',
    items: '五、评分项评价',
    kpis: '六、相关运营指标（KPI）',
    kpiColumns: ['评价指标', '运营指标', '数值', '分子 / 分母'],
    notes: '七、说明',
    company: '公司',
    assessment: '自评名称',
    period: '评价期间',
    periodValue: (from: string, to: string) => `${from} 至 ${to}`,
    ruleSet: '评分规则',
    ruleSetValue: (name: string, version: number, indicative: boolean) =>
      `${name}（第 ${version} 版${indicative ? '，参考' : ''}）`,
    status: '状态',
    frozen: '已定稿（冻结）',
    draft: '草稿（未冻结）',
    createdBy: '创建人',
    frozenAt: '定稿时间',
    frozenBy: '定稿人',
    final: '最终得分',
    finalDisplay: '显示得分',
    finalDisplayValue: (display: string, decimals: number) =>
      `${display}（保留 ${decimals} 位小数，截取不进位）`,
    level: '评价结果',
    noLevel: '无（没有适用的评分项）',
    reasons: {
      below_threshold: (options: ScoringOptions) => `最终得分低于 ${options.compliantAt} 分`,
      special_deductions: (options: ScoringOptions) => `特别扣分项达 ${options.notCertifiedDeductions} 项`,
    } satisfies Record<NotCertifiedReason, (options: ScoringOptions) => string>,
    withReasons: (level: string, reasons: string[]) => `${level}（${reasons.join('；')}）`,
    totalPoints: '总分值',
    applicablePoints: '适用分值',
    excludedPoints: '删减分值',
    earnedPoints: '得分',
    lostPoints: '失分',
    base: '基础得分',
    baseValue: (base: string) => `${base}（得分 ÷ 适用分值 × 100）`,
    deductions: '特别扣分',
    deductionsValue: (count: number, points: string) => (count === 0 ? '无' : `${count} 项，−${points} 分`),
    bonuses: '特别加分',
    bonusesValue: (count: number, points: string) => (count === 0 ? '无' : `${count} 项，+${points} 分`),
    adjustmentsApplied: '加减分方式',
    adjustmentOrders: {
      after_normalisation: '在百分制基础得分上加减',
      before_normalisation: '在折算百分制前的得分上加减',
    } satisfies Record<AdjustmentOrder, string>,
    pendingPoints: '待评价分值',
    ifPendingConform: '待评项均符合',
    adjustmentColumns: ['类型', '类别', '原因', '整改', '记录人'],
    deduction: '特别扣分项',
    bonus: '特别加分项',
    indicatorColumns: ['指标', '分值', '适用', '得分', '失分', '待评', '影响得分', '删减（原因）'],
    total: '合计',
    itemColumns: ['评分项', '类型', '分值', '评价结果', '得分', '失分', '发现、记录与证据'],
    excluded: (reason: string) => `删减：${reason}`,
    pending: '待评价',
    conforming: '符合',
    nonConforming: '不符合',
    sample: (checked: number, failing: number) =>
      failing === 0 ? `抽查 ${checked} 份，全部符合` : `抽查 ${checked} 份，${failing} 份不符合`,
    findings: '发现',
    failingRecords: '不符合记录',
    sampleBasis: (evidence: string, population: number, seed: string) =>
      `抽样：${evidence}，总体 ${population} 份，种子 ${seed}`,
    evidence: '证据',
    exports: (count: number) => `导出文件 ${count} 份`,
    documents: (count: number) => `受控文件 ${count} 份`,
    recorded: (by: string, at: string) => `评价：${by}，${at}`,
    listJoin: '、',
    partJoin: '；',
    none: '无',
    frozenNote: (at: string, by: string) =>
      `本报告依据自评定稿（冻结）时保存的评分快照：${at} 由 ${by} 定稿，此后评分、评分项和加减分均不再变更。`,
    draftNote: '本报告为草稿：自评尚未定稿（冻结），得分按打印时的评价记录计算，定稿前仍可能变化。',
    indicativeNote:
      '评分规则为参考版本：分值采用 GB/T 27922 的常见分值，并非认证机构的评分表，结果仅供参考。',
    levelNote: (o: ScoringOptions) =>
      `评价结果按精确得分判定：≥ ${o.compliantAt} 达标，≥ ${o.threeStarAt} 三星，≥ ${o.fourStarAt} 四星，≥ ${o.fiveStarAt} 五星；低于 ${o.compliantAt} 分或特别扣分项达 ${o.notCertifiedDeductions} 项不予认证。显示得分截取至 ${o.decimals} 位小数，不进位。`,
    frozenKpiNote:
      '运营指标为定稿时按自评期间计算的全公司数据（随定稿保存），各指标的定义与明细可在系统中按期间查询。',
    draftKpiNote: '运营指标为打印时按自评期间计算的全公司数据，定稿时将随评分一并保存。',
    units: { hours: '小时', days: '天' },
  },
  en: {
    title: 'After-sales service self-assessment report',
    draftTitle: 'After-sales service self-assessment report (DRAFT)',
    overview: '1. Assessment',
    result: '2. Result',
    adjustments: '3. Special deductions and bonus',
    indicators: '4. Indicators',
    items: '5. Scoring items',
    kpis: '6. Related service KPIs',
    kpiColumns: ['Indicator', 'KPI', 'Value', 'Numerator / denominator'],
    notes: '7. Notes',
    company: 'Company',
    assessment: 'Title',
    period: 'Period',
    periodValue: (from: string, to: string) => `${from} – ${to}`,
    ruleSet: 'Rule set',
    ruleSetValue: (name: string, version: number, indicative: boolean) =>
      `${name} (version ${version}${indicative ? ', indicative' : ''})`,
    status: 'Status',
    frozen: 'Frozen',
    draft: 'Draft (not frozen)',
    createdBy: 'Created by',
    frozenAt: 'Frozen at',
    frozenBy: 'Frozen by',
    final: 'Final score',
    finalDisplay: 'Score shown',
    finalDisplayValue: (display: string, decimals: number) =>
      `${display} (${decimals} decimal(s), cut, never rounded up)`,
    level: 'Result',
    noLevel: 'none (no applicable item)',
    reasons: {
      below_threshold: (options: ScoringOptions) => `final score below ${options.compliantAt}`,
      special_deductions: (options: ScoringOptions) =>
        `${options.notCertifiedDeductions} or more special deductions`,
    } satisfies Record<NotCertifiedReason, (options: ScoringOptions) => string>,
    withReasons: (level: string, reasons: string[]) => `${level} (${reasons.join('; ')})`,
    totalPoints: 'Total points',
    applicablePoints: 'Applicable',
    excludedPoints: 'Excluded',
    earnedPoints: 'Earned',
    lostPoints: 'Lost',
    base: 'Base score',
    baseValue: (base: string) => `${base} (earned ÷ applicable × 100)`,
    deductions: 'Deductions',
    deductionsValue: (count: number, points: string) =>
      count === 0 ? 'none' : `${count} special deduction(s), −${points}`,
    bonuses: 'Bonus',
    bonusesValue: (count: number, points: string) =>
      count === 0 ? 'none' : `${count} special bonus, +${points}`,
    adjustmentsApplied: 'Adjustments',
    adjustmentOrders: {
      after_normalisation: 'applied to the score out of 100',
      before_normalisation: 'applied to the points earned, before scaling to 100',
    } satisfies Record<AdjustmentOrder, string>,
    pendingPoints: 'Pending points',
    ifPendingConform: 'If all conform',
    adjustmentColumns: ['Kind', 'Category', 'Reason', 'Rectification', 'Recorded by'],
    deduction: 'Special deduction',
    bonus: 'Special bonus',
    indicatorColumns: [
      'Indicator',
      'Points',
      'Applicable',
      'Earned',
      'Lost',
      'Pending',
      'Score cost',
      'Excluded (reason)',
    ],
    total: 'Total',
    itemColumns: ['Item', 'Type', 'Points', 'Result', 'Earned', 'Lost', 'Findings, records, evidence'],
    excluded: (reason: string) => `Excluded: ${reason}`,
    pending: 'Not yet assessed',
    conforming: 'Conforms',
    nonConforming: 'Does not conform',
    sample: (checked: number, failing: number) =>
      failing === 0
        ? `${checked} checked, all conforming`
        : `${failing} of ${checked} checked non-conforming`,
    findings: 'Findings',
    failingRecords: 'Non-conforming records',
    sampleBasis: (evidence: string, population: number, seed: string) =>
      `Sample: ${evidence}, population ${population}, seed ${seed}`,
    evidence: 'Evidence',
    exports: (count: number) => `${count} export(s)`,
    documents: (count: number) => `${count} controlled document(s)`,
    recorded: (by: string, at: string) => `Assessed by ${by}, ${at}`,
    listJoin: ', ',
    partJoin: '; ',
    none: 'none',
    frozenNote: (at: string, by: string) =>
      `This report prints the score snapshot stored when the assessment was frozen (${at}, by ${by}); since then its score, items and adjustments change no more.`,
    draftNote:
      'This is a draft: the assessment is not frozen yet, so the score is computed from what was recorded when it was printed and may still change.',
    indicativeNote:
      "The rule set is indicative: its points are the ones commonly reported for GB/T 27922, not a certification body's checklist, so the result is only an indication.",
    levelNote: (o: ScoringOptions) =>
      `The result is decided on the exact score: ≥ ${o.compliantAt} compliant, ≥ ${o.threeStarAt} three stars, ≥ ${o.fourStarAt} four stars, ≥ ${o.fiveStarAt} five stars; below ${o.compliantAt}, or ${o.notCertifiedDeductions} or more special deductions, not certified. The score shown is cut to ${o.decimals} decimal(s), never rounded up.`,
    frozenKpiNote:
      'The KPIs are the company-wide figures of the assessment period as computed when it was frozen (stored with it); their definitions and records can be queried in the system for any period.',
    draftKpiNote:
      'The KPIs are the company-wide figures of the assessment period as computed when this was printed; freezing stores them with the score.',
    units: { hours: 'h', days: 'days' },
  },
} as const;

type ReportLabels = (typeof LABELS)[Language];

/**
 * A figure as the scoring module gives it, without floating-point noise: exact when four decimals
 * say it (91.75, 93.75), else rounded to four and marked ≈ (2 lost of 96 cost ≈2.0833).
 */
export function figure(value: number | null): string {
  if (value === null) return '—';
  const rounded = Number(value.toFixed(4));
  return Math.abs(rounded - value) < 1e-9 ? String(rounded) : `≈${rounded}`;
}

/** An outcome's result in words: the level, and for not certified, why. */
function outcomeText(outcome: Outcome, options: ScoringOptions, l: ReportLabels, language: Language): string {
  if (outcome.level === null) return l.noLevel;
  const level = RESULT_LEVEL_LABELS[outcome.level][language];
  if (outcome.notCertifiedReasons.length === 0) return level;
  const reasons = outcome.notCertifiedReasons.map((reason) => l.reasons[reason](options));
  return l.withReasons(level, reasons);
}

/** What an item was found to be: excluded with its reason, pending, conforming or not, or k of n. */
export function itemResult(item: AssessmentItemResponse, language: Language): string {
  const l = LABELS[language];
  if (!item.applicable) return l.excluded(item.exclusionReason ?? '');
  if (item.status === 'pending') return l.pending;
  if (item.type === 'sampled') return l.sample(item.checked ?? 0, item.nonConforming ?? 0);
  return item.conforms ? l.conforming : l.nonConforming;
}

function recordName(reference: Pick<RecordReference, 'recordType' | 'id' | 'number'>, language: Language) {
  return (
    reference.number ?? `${RECORD_TYPE_LABELS[reference.recordType][language]} ${reference.id.slice(0, 8)}`
  );
}

/** A non-conforming record with why a suggestion found it so. */
function failingRecord(
  reference: AssessmentItemResponse['nonConformingRecords'][number],
  language: Language,
) {
  const name = recordName(reference, language);
  const problems = reference.problems?.map((problem) => SAMPLE_PROBLEM_LABELS[problem.code][language]) ?? [];
  return problems.length === 0 ? name : `${name}（${problems.join(LABELS[language].listJoin)}）`;
}

function evidenceText(evidence: readonly EvidenceReference[], language: Language): string | null {
  const l = LABELS[language];
  const records = evidence.flatMap((entry) => (entry.kind === 'record' ? [recordName(entry, language)] : []));
  const exports = evidence.filter((entry) => entry.kind === 'export').length;
  const documents = evidence.filter((entry) => entry.kind === 'document').length;
  const parts = [
    ...(records.length > 0 ? [records.join(l.listJoin)] : []),
    ...(exports > 0 ? [l.exports(exports)] : []),
    ...(documents > 0 ? [l.documents(documents)] : []),
  ];
  return parts.length === 0 ? null : `${l.evidence}：${parts.join(l.partJoin)}`;
}

/** The last column of the items table: findings, the failing records, the draw, evidence, who assessed. */
function itemDetails(
  item: AssessmentItemResponse,
  view: AssessmentView,
  at: (iso: string | null) => string,
  language: Language,
): string {
  const l = LABELS[language];
  const record = view.items.find((entry) => entry.item.code === item.code)?.record;
  const lines = [
    item.findings && `${l.findings}：${item.findings}`,
    item.nonConformingRecords.length > 0 &&
      `${l.failingRecords}：${item.nonConformingRecords.map((entry) => failingRecord(entry, language)).join(l.listJoin)}`,
    record?.sampleBasis &&
      l.sampleBasis(record.sampleBasis.evidence, record.sampleBasis.population, record.sampleBasis.seed),
    evidenceText(record?.evidence ?? [], language),
    item.recordedBy && l.recorded(item.recordedBy.name, at(item.recordedAt)),
  ];
  return lines.filter((line): line is string => typeof line === 'string' && line.length > 0).join('\n');
}

function indicatorRow(
  indicator: IndicatorResponse,
  items: readonly AssessmentItemResponse[],
  language: Language,
  withPending: boolean,
): string[] {
  const l = LABELS[language];
  const reasons = items
    .filter((item) => item.indicator === indicator.indicator && !item.applicable)
    .map((item) => item.exclusionReason ?? '');
  const excluded =
    indicator.excludedPoints > 0 ? `${figure(indicator.excludedPoints)}：${reasons.join(l.partJoin)}` : '—';
  return [
    language === 'en' ? indicator.en : indicator.zh,
    figure(indicator.points),
    figure(indicator.applicablePoints),
    figure(indicator.earned),
    figure(indicator.lost),
    ...(withPending ? [figure(indicator.pending)] : []),
    figure(indicator.scoreCost),
    excluded,
  ];
}

/**
 * The self-assessment report (自评报告) of one assessment as an A4 PDF: the assessment and its rule
 * set, the result as the scoring module gave it, the special deductions and bonus, each indicator's
 * points and cost, each item's result with its findings and records, and notes on how to read it. A
 * frozen assessment prints its stored snapshot; a draft prints what is recorded now, marked 草稿.
 * Returns the PDF stream.
 */
/** A KPI's value as a reader takes it in: a share in per cent, a mean with its unit. */
function kpiValueText(kpi: KpiValue, l: ReportLabels): string {
  if (kpi.value === null) return '—';
  switch (kpi.unit) {
    case 'ratio':
      return `${(kpi.value * 100).toFixed(1)}%`;
    case 'hours':
    case 'days':
      return `${kpi.value.toFixed(1)} ${l.units[kpi.unit]}`;
    case 'score':
      return kpi.value.toFixed(2);
    case 'count':
      return String(kpi.value);
  }
}

/** The report of an assessment, with the KPIs shown by its indicators (see AssessmentsService.kpisOf). */
export function renderAssessmentReport(
  view: AssessmentView,
  kpis: readonly KpiValue[],
  context: RecordFormContext,
): PDFKit.PDFDocument {
  const { language } = context;
  const l = LABELS[language];
  const at = formInstants(context.timeZone);
  const report = toAssessmentResponse(view);
  const { score } = view;
  const options = view.ruleSet.definition.options;
  const frozen = report.status === 'frozen';
  const period = l.periodValue(report.from, report.to);
  const form = startRecordForm(context, frozen ? l.title : l.draftTitle, period);

  form.section(l.overview);
  form.fields([
    [l.company, context.companyName],
    [l.period, period],
    [l.assessment, report.title],
    [l.ruleSet, l.ruleSetValue(report.ruleSet.name, report.ruleSet.versionNumber, report.ruleSet.indicative)],
    [l.status, frozen ? l.frozen : l.draft],
    [l.createdBy, report.createdBy.name],
    ...(frozen
      ? ([
          [l.frozenAt, at(report.frozenAt)],
          [l.frozenBy, report.frozenBy?.name ?? ''],
        ] as [string, string][])
      : []),
  ]);

  form.section(l.result);
  const withPending = score.pendingPoints > 0;
  form.fields([
    [l.final, figure(score.final)],
    [
      l.finalDisplay,
      score.finalDisplay === null ? '—' : l.finalDisplayValue(score.finalDisplay, score.decimals),
    ],
    [l.level, outcomeText(score, options, l, language)],
    [l.base, score.base === null ? '—' : l.baseValue(figure(score.base))],
    [l.totalPoints, figure(score.totalPoints)],
    [l.applicablePoints, figure(score.applicablePoints)],
    [l.excludedPoints, figure(score.excludedPoints)],
    [l.earnedPoints, figure(score.earnedPoints)],
    [l.lostPoints, figure(score.lostPoints)],
    [l.deductions, l.deductionsValue(score.specialDeductions, figure(score.deductionPoints))],
    [l.bonuses, l.bonusesValue(score.specialBonuses, figure(score.bonusPoints))],
    [l.adjustmentsApplied, l.adjustmentOrders[score.adjustmentsApplied]],
    ...(score.ifPendingConform
      ? ([
          [l.pendingPoints, figure(score.pendingPoints)],
          [
            l.ifPendingConform,
            `${score.ifPendingConform.finalDisplay ?? '—'} ${outcomeText(score.ifPendingConform, options, l, language)}`,
          ],
        ] as [string, string][])
      : []),
  ]);

  form.section(l.adjustments);
  if (report.adjustments.length === 0) form.text(l.none);
  else
    form.table(
      [2, 3, 5, 4, 2].map((weight, i) => ({ header: l.adjustmentColumns[i] ?? '', weight })),
      report.adjustments.map((adjustment) => [
        adjustment.kind === 'deduction' ? l.deduction : l.bonus,
        adjustment.category === null ? '—' : DEDUCTION_CATEGORY_LABELS[adjustment.category][language],
        adjustment.reason,
        adjustment.rectification ?? '—',
        adjustment.createdBy.name,
      ]),
    );

  form.section(l.indicators);
  const [name, points, applicable, earned, lost, pending, cost, excluded] = l.indicatorColumns;
  form.table(
    [
      { header: name, weight: 4 },
      { header: points, weight: 2 },
      { header: applicable, weight: 2 },
      { header: earned, weight: 2 },
      { header: lost, weight: 2 },
      ...(withPending ? [{ header: pending, weight: 2 }] : []),
      { header: cost, weight: 2 },
      { header: excluded, weight: 6 },
    ],
    [
      ...report.indicators.map((indicator) => indicatorRow(indicator, report.items, language, withPending)),
      [
        l.total,
        figure(score.totalPoints),
        figure(score.applicablePoints),
        figure(score.earnedPoints),
        figure(score.lostPoints),
        ...(withPending ? [figure(score.pendingPoints)] : []),
        figure(report.indicators.reduce((sum, indicator) => sum + indicator.scoreCost, 0)),
        figure(score.excludedPoints),
      ],
    ],
  );

  form.section(l.items);
  form.table(
    [7, 2, 2, 4, 2, 2, 8].map((weight, i) => ({ header: l.itemColumns[i] ?? '', weight })),
    report.items.map((item) => [
      `${item.code} · ${INDICATOR_LABELS[item.indicator][language]}\n${item.title}`,
      ITEM_TYPE_LABELS[item.type][language],
      figure(item.points),
      itemResult(item, language),
      item.applicable ? figure(item.earned) : '—',
      item.applicable ? figure(item.lost) : '—',
      itemDetails(item, view, at, language),
    ]),
  );

  form.section(l.kpis);
  form.table(
    [3, 6, 2, 3].map((weight, i) => ({ header: l.kpiColumns[i] ?? '', weight })),
    report.indicators.flatMap((indicator) =>
      kpis
        .filter((kpi) => kpi.indicators.includes(indicator.indicator))
        .map((kpi) => [
          INDICATOR_LABELS[indicator.indicator][language],
          kpi.title[language],
          kpiValueText(kpi, l),
          kpi.denominator === null ? figure(kpi.numerator) : `${figure(kpi.numerator)} / ${kpi.denominator}`,
        ]),
    ),
  );

  form.section(l.notes);
  form.text(frozen ? l.frozenNote(at(report.frozenAt), report.frozenBy?.name ?? '') : l.draftNote);
  if (report.ruleSet.indicative) form.text(l.indicativeNote);
  form.text(l.levelNote(options));
  form.text(frozen ? l.frozenKpiNote : l.draftKpiNote);
  form.finish();
  return form.doc;
}
