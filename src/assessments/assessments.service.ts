import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KpiValue } from '../kpis/kpi-report';
import { KpisService } from '../kpis/kpis.service';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { AuditService, auditActor } from '../audit/audit.service';
import { describeChanges } from '../audit/domain/describe-changes';
import { Clock } from '../common/clock';
import { type Tx, inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError, VersionConflictError } from '../common/errors/domain-error';
import { type FieldProblem, assertDateOrder, invalidFields } from '../common/errors/validation-errors';
import { type Page, type PageQuery } from '../common/http/pagination';
import { trimmedOrNull } from '../common/text';
import { AssessmentAdjustmentEntity } from './assessment-adjustment.entity';
import { AssessmentItemEntity } from './assessment-item.entity';
import { AssessmentEntity } from './assessment.entity';
import type {
  AdjustmentKind,
  AssessmentStatus,
  DeductionCategory,
  RecordReference,
  SampleBasis,
} from './domain/assessment-fields';
import { type ScoreComparison, compareScores } from './domain/compare';
import type { RuleSetItem } from './domain/rule-set';
import { type ItemRecord, type Score, scoreAssessment } from './domain/scoring';
import { EvidenceReferences, type RecordInput, type ReferenceInput } from './evidence-references';
import type { RuleSetEntity } from './rule-set.entity';
import { RuleSetsService } from './rule-sets.service';

export interface PersonRef {
  id: string;
  name: string;
}

/** One item of an assessment: the rule set's item, what was recorded for it, and what it scored. */
export interface AssessmentItemView {
  item: RuleSetItem;
  record: AssessmentItemEntity;
  recordedBy: PersonRef | null;
}

export interface AssessmentView {
  assessment: AssessmentEntity;
  ruleSet: RuleSetEntity;
  createdBy: PersonRef;
  frozenBy: PersonRef | null;
  items: AssessmentItemView[];
  adjustments: (AssessmentAdjustmentEntity & { createdByRef: PersonRef })[];
  /** Computed from the records while a draft; the snapshot stored when it was frozen afterwards. */
  score: Score;
}

export interface NewAssessment {
  from: string;
  to: string;
  title?: string;
  ruleSetId?: string;
}

export interface AssessmentChange {
  title?: string;
  from?: string;
  to?: string;
  expectedVersion?: number;
}

export interface ItemRecordInput {
  applicable: boolean;
  exclusionReason?: string | null;
  conforms?: boolean | null;
  checked?: number | null;
  nonConforming?: number | null;
  nonConformingRecords?: RecordInput[];
  findings?: string | null;
  evidence?: ReferenceInput[];
  expectedVersion?: number;
}

export interface AdjustmentInput {
  kind: AdjustmentKind;
  category?: DeductionCategory;
  reason: string;
  rectification?: string | null;
  expectedVersion?: number;
}

/** The fields of an item record the audit trail follows. */
const ITEM_FIELDS = [
  'applicable',
  'exclusionReason',
  'conforms',
  'checked',
  'nonConforming',
  'nonConformingRecords',
  'sampleBasis',
  'findings',
  'evidence',
] as const satisfies readonly (keyof AssessmentItemEntity)[];

const person = (user: { id: string; displayName: string } | undefined | null): PersonRef | null =>
  user ? { id: user.id, name: user.displayName } : null;

/** Assessments are company-wide: users bound to an outlet neither read nor change them. */
export function assertCompanyWide(user: AuthenticatedUser): void {
  if (user.outletId !== null) {
    throw new DomainError(
      'FORBIDDEN',
      'Assessments cover every outlet; users bound to an outlet do not read or change them',
      { outletId: user.outletId },
      '自评覆盖全公司各网点，归属网点的用户不能查看或修改',
    );
  }
}

export function frozenError(id: string): DomainError {
  return new DomainError(
    'INVALID_TRANSITION',
    `Assessment ${id} is frozen and changes no more`,
    { id, status: 'frozen' },
    '该自评已冻结，不能再修改',
  );
}

/**
 * The self-assessments (自评): created for a period and a rule set version, recorded item by item,
 * adjusted by special deductions and the bonus, frozen. Every change locks the assessment row, checks
 * the version the client read, refuses a frozen assessment (409), bumps the version and appends its
 * audit entry in the same transaction.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
    private readonly references: EvidenceReferences,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly kpis: KpisService,
  ) {}

  async create(input: NewAssessment, context: RequestContext): Promise<string> {
    assertCompanyWide(context.user);
    assertDateOrder(['from', input.from], ['to', input.to]);
    return inTransaction(this.dataSource, async (tx) => {
      const ruleSet = input.ruleSetId
        ? await this.namedRuleSet(tx, input.ruleSetId)
        : await this.ruleSets.latest(tx);
      const title = trimmedOrNull(input.title) ?? `${input.from} 至 ${input.to} 自评`;
      const repository = tx.getRepository(AssessmentEntity);
      const assessment = await repository.save(
        repository.create({
          title,
          status: 'draft',
          ruleSetId: ruleSet.id,
          periodFrom: input.from,
          periodTo: input.to,
          createdBy: context.user.id,
        }),
      );
      await tx
        .getRepository(AssessmentItemEntity)
        .insert(
          ruleSet.definition.items.map((item) => ({ assessmentId: assessment.id, itemCode: item.code })),
        );
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'assessment.created',
        entityType: 'assessment',
        entityId: assessment.id,
        changes: {
          title,
          periodFrom: input.from,
          periodTo: input.to,
          ruleSetId: ruleSet.id,
          ruleSetVersion: ruleSet.versionNumber,
        },
        requestId: context.requestId,
      });
      return assessment.id;
    });
  }

  async update(id: string, input: AssessmentChange, context: RequestContext): Promise<void> {
    assertCompanyWide(context.user);
    await this.change(id, input.expectedVersion, context, 'updated', (_tx, assessment) => {
      const after = {
        title:
          input.title === undefined ? assessment.title : (trimmedOrNull(input.title) ?? assessment.title),
        periodFrom: input.from ?? assessment.periodFrom,
        periodTo: input.to ?? assessment.periodTo,
      };
      assertDateOrder(['from', after.periodFrom], ['to', after.periodTo]);
      const changes = describeChanges(assessment, { ...assessment, ...after }, [
        'title',
        'periodFrom',
        'periodTo',
      ]);
      return Promise.resolve({ changes, fields: after });
    });
  }

  /**
   * Records one item as a whole (what was there before is replaced): applicable or excluded with its
   * reason, the conformity of a qualitative item or the sample of a sampled one with the records found
   * non-conforming, findings and evidence. Nothing but `applicable` is required: an applicable item
   * without a result stays pending.
   */
  async recordItem(id: string, code: string, input: ItemRecordInput, context: RequestContext): Promise<void> {
    assertCompanyWide(context.user);
    const { item } = await this.itemOf(id, code);
    const problems = itemProblems(item, input);
    const nonConformingRecords = await this.references.records(
      input.nonConformingRecords ?? [],
      'nonConformingRecords',
      context.user,
      problems,
    );
    const evidence = await this.references.evidence(input.evidence ?? [], 'evidence', context.user, problems);
    if (problems.length > 0) throw invalidFields(problems);
    await this.writeItem(id, code, input.expectedVersion, context, 'item_recorded', {
      applicable: input.applicable,
      exclusionReason: input.applicable ? null : trimmedOrNull(input.exclusionReason),
      conforms: input.conforms ?? null,
      checked: input.checked ?? null,
      nonConforming: input.nonConforming ?? null,
      nonConformingRecords,
      sampleBasis: null,
      findings: trimmedOrNull(input.findings),
      evidence,
    });
  }

  /** A sample drawn and judged by the system (a suggestion) as the item's result; findings and evidence stay. */
  async recordSample(
    id: string,
    code: string,
    sample: { basis: SampleBasis; nonConforming: RecordReference[] },
    expectedVersion: number,
    context: RequestContext,
  ): Promise<void> {
    assertCompanyWide(context.user);
    await this.writeItem(id, code, expectedVersion, context, 'suggestion_applied', {
      applicable: true,
      exclusionReason: null,
      conforms: null,
      checked: sample.basis.records.length,
      nonConforming: sample.nonConforming.length,
      nonConformingRecords: sample.nonConforming,
      sampleBasis: sample.basis,
    });
  }

  async addAdjustment(id: string, input: AdjustmentInput, context: RequestContext): Promise<void> {
    assertCompanyWide(context.user);
    const problems: FieldProblem[] = [];
    if (input.kind === 'deduction' && !input.category) {
      problems.push({ field: 'category', problems: ['a special deduction needs the category it breached'] });
    }
    if (input.kind === 'bonus' && input.category) {
      problems.push({ field: 'category', problems: ['only a special deduction has a category'] });
    }
    const reason = trimmedOrNull(input.reason);
    if (reason === null) problems.push({ field: 'reason', problems: ['reason is required'] });
    if (problems.length > 0 || reason === null) throw invalidFields(problems);
    await this.change(
      id,
      input.expectedVersion,
      context,
      'adjustment_added',
      async (tx, assessment, ruleSet) => {
        if (input.kind === 'bonus') {
          const bonuses = await tx
            .getRepository(AssessmentAdjustmentEntity)
            .countBy({ assessmentId: assessment.id, kind: 'bonus' });
          const allowed = ruleSet.definition.options.maxSpecialBonuses;
          if (bonuses >= allowed) {
            throw new DomainError(
              'CONFLICT',
              `The rule set allows ${allowed} special bonus(es) and the assessment has ${bonuses}`,
              { maxSpecialBonuses: allowed },
              `评分规则最多允许 ${allowed} 项特别加分，本次自评已有 ${bonuses} 项`,
            );
          }
        }
        const saved = await tx.getRepository(AssessmentAdjustmentEntity).save({
          assessmentId: assessment.id,
          kind: input.kind,
          category: input.kind === 'deduction' ? (input.category ?? null) : null,
          reason,
          rectification: trimmedOrNull(input.rectification),
          createdBy: context.user.id,
        });
        return {
          changes: {
            adjustmentId: saved.id,
            kind: saved.kind,
            category: saved.category,
            reason: saved.reason,
            rectification: saved.rectification,
          },
        };
      },
    );
  }

  async removeAdjustment(
    id: string,
    adjustmentId: string,
    expectedVersion: number | undefined,
    context: RequestContext,
  ): Promise<void> {
    assertCompanyWide(context.user);
    await this.change(id, expectedVersion, context, 'adjustment_removed', async (tx, assessment) => {
      const repository = tx.getRepository(AssessmentAdjustmentEntity);
      const adjustment = await repository.findOneBy({ id: adjustmentId, assessmentId: assessment.id });
      if (!adjustment) throw new NotFoundError('assessment_adjustment', adjustmentId);
      await repository.delete(adjustment.id);
      return {
        changes: {
          adjustmentId,
          kind: adjustment.kind,
          category: adjustment.category,
          reason: adjustment.reason,
        },
      };
    });
  }

  /** Stores the score as it stands; every applicable item must have its result first. */
  async freeze(id: string, expectedVersion: number | undefined, context: RequestContext): Promise<void> {
    assertCompanyWide(context.user);
    await this.change(id, expectedVersion, context, 'frozen', async (tx, assessment, ruleSet) => {
      const score = await this.computeScore(tx, assessment, ruleSet);
      const pending = score.items.filter((item) => item.status === 'pending').map((item) => item.code);
      if (pending.length > 0) {
        throw new DomainError(
          'CONFLICT',
          `Items without a result cannot be frozen: ${pending.join(', ')}`,
          { pendingItems: pending },
          `以下评分项尚未评价，不能冻结：${pending.join('、')}`,
        );
      }
      const period = { from: assessment.periodFrom, to: assessment.periodTo };
      const { kpis } = await this.kpis.companyReport(period);
      return {
        changes: {
          base: score.base,
          final: score.final,
          level: score.level,
          specialDeductions: score.specialDeductions,
          specialBonuses: score.specialBonuses,
        },
        fields: {
          status: 'frozen' as AssessmentStatus,
          frozenAt: this.clock.now(),
          frozenBy: context.user.id,
          scoreSnapshot: score,
          kpiSnapshot: kpis,
        },
      };
    });
  }

  /**
   * The KPIs shown with the indicators: those of the moment it was frozen, or, for a draft, the
   * period's figures as they are now (company-wide, as the assessment is).
   */
  async kpisOf(view: AssessmentView, viewer: AuthenticatedUser): Promise<KpiValue[]> {
    const { assessment } = view;
    if (assessment.kpiSnapshot) return assessment.kpiSnapshot;
    const period = { from: assessment.periodFrom, to: assessment.periodTo };
    return (await this.kpis.report(period, null, viewer)).kpis;
  }

  async view(id: string, viewer: AuthenticatedUser): Promise<AssessmentView> {
    assertCompanyWide(viewer);
    const [view] = await this.load([id]);
    if (!view) throw new NotFoundError('assessment', id);
    return view;
  }

  async list(
    query: PageQuery & { status?: AssessmentStatus },
    viewer: AuthenticatedUser,
  ): Promise<Page<AssessmentView>> {
    assertCompanyWide(viewer);
    const q = this.dataSource
      .getRepository(AssessmentEntity)
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .orderBy('a.periodTo', 'DESC')
      .addOrderBy('a.createdAt', 'DESC');
    if (query.status) q.where('a.status = :status', { status: query.status });
    const total = await q.getCount();
    const rows = await q
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany<{ id: string }>();
    return {
      items: await this.load(rows.map((row) => row.id)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * The assessment frozen last, whole (score, items, adjustments, rule set): what a report prints.
   * With `startedBy`, only assessments of periods that began by that day: a pack of an earlier year
   * holds the self-assessment of its time, not one of a later period.
   */
  async latestFrozen(startedBy?: string): Promise<AssessmentView | null> {
    const [latest] = await this.dataSource.getRepository(AssessmentEntity).find({
      where: { status: 'frozen', ...(startedBy ? { periodFrom: LessThanOrEqual(startedBy) } : {}) },
      order: { frozenAt: 'DESC' },
      take: 1,
    });
    if (!latest) return null;
    const [view] = await this.load([latest.id]);
    return view ?? null;
  }

  /** `id` against an earlier assessment `otherId`: before is the other, after is this one. */
  async compare(
    id: string,
    otherId: string,
    viewer: AuthenticatedUser,
  ): Promise<{ before: AssessmentView; after: AssessmentView; comparison: ScoreComparison }> {
    const after = await this.view(id, viewer);
    const before = await this.view(otherId, viewer);
    return { before, after, comparison: compareScores(before.score, after.score) };
  }

  /** The rule set item of an assessment, 404 when the assessment or its rule set has no such item. */
  async itemOf(id: string, code: string): Promise<{ assessment: AssessmentEntity; item: RuleSetItem }> {
    const assessment = await this.dataSource.getRepository(AssessmentEntity).findOneBy({ id });
    if (!assessment) throw new NotFoundError('assessment', id);
    const ruleSet = await this.ruleSets.get(assessment.ruleSetId);
    const item = ruleSet.definition.items.find((entry) => entry.code === code);
    if (!item) throw new NotFoundError('assessment_item', code);
    return { assessment, item };
  }

  private async writeItem(
    id: string,
    code: string,
    expectedVersion: number | undefined,
    context: RequestContext,
    action: string,
    fields: Partial<AssessmentItemEntity>,
  ): Promise<void> {
    await this.change(id, expectedVersion, context, action, async (tx, assessment) => {
      const repository = tx.getRepository(AssessmentItemEntity);
      const before = await repository.findOneByOrFail({ assessmentId: assessment.id, itemCode: code });
      const after = { ...before, ...fields };
      const changes = describeChanges(before, after, ITEM_FIELDS);
      if (Object.keys(changes).length === 0) return { changes };
      await repository.save({ ...after, recordedBy: context.user.id, recordedAt: this.clock.now() });
      return { changes: { itemCode: code, ...changes } };
    });
  }

  /**
   * The one way an assessment changes: locked, refused when frozen (409) or at another version than
   * the client read (409), then the work, the version bump and the audit entry. Work that changes
   * nothing writes nothing.
   */
  private async change(
    id: string,
    expectedVersion: number | undefined,
    context: RequestContext,
    action: string,
    work: (
      tx: Tx,
      assessment: AssessmentEntity,
      ruleSet: RuleSetEntity,
    ) => Promise<{ changes: Record<string, unknown>; fields?: Partial<AssessmentEntity> }>,
  ): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const assessment = await tx
        .getRepository(AssessmentEntity)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id', { id })
        .getOne();
      if (!assessment) throw new NotFoundError('assessment', id);
      if (assessment.status === 'frozen') throw frozenError(id);
      if (expectedVersion !== undefined && expectedVersion !== assessment.version) {
        throw new VersionConflictError('assessment', id, expectedVersion, assessment.version);
      }
      const ruleSet = await this.ruleSets.get(assessment.ruleSetId, tx);
      const { changes, fields } = await work(tx, assessment, ruleSet);
      if (Object.keys(changes).length === 0) return;
      await tx.update(AssessmentEntity, { id }, { ...fields, version: assessment.version + 1 });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: `assessment.${action}`,
        entityType: 'assessment',
        entityId: id,
        changes,
        requestId: context.requestId,
      });
    });
  }

  private async namedRuleSet(tx: Tx, ruleSetId: string): Promise<RuleSetEntity> {
    try {
      return await this.ruleSets.get(ruleSetId, tx);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw invalidFields([{ field: 'ruleSetId', problems: ['must be an existing rule set'] }]);
      }
      throw error;
    }
  }

  private async computeScore(tx: Tx, assessment: AssessmentEntity, ruleSet: RuleSetEntity): Promise<Score> {
    const [items, adjustments] = await Promise.all([
      tx.getRepository(AssessmentItemEntity).findBy({ assessmentId: assessment.id }),
      tx.getRepository(AssessmentAdjustmentEntity).findBy({ assessmentId: assessment.id }),
    ]);
    return scoreOf(ruleSet, items, adjustments);
  }

  /** Whole views of the assessments, in the order of the ids. */
  private async load(ids: readonly string[]): Promise<AssessmentView[]> {
    if (ids.length === 0) return [];
    const manager = this.dataSource.manager;
    const [assessments, items, adjustments] = await Promise.all([
      manager.getRepository(AssessmentEntity).find({
        where: { id: In([...ids]) },
        relations: { ruleSet: true, creator: true, freezer: true },
      }),
      manager
        .getRepository(AssessmentItemEntity)
        .find({ where: { assessmentId: In([...ids]) }, relations: { recorder: true } }),
      manager.getRepository(AssessmentAdjustmentEntity).find({
        where: { assessmentId: In([...ids]) },
        relations: { creator: true },
        order: { createdAt: 'ASC' },
      }),
    ]);
    return ids.flatMap((id) => {
      const assessment = assessments.find((entry) => entry.id === id);
      const ruleSet = assessment?.ruleSet;
      if (!assessment || !ruleSet) return [];
      const own = items.filter((entry) => entry.assessmentId === id);
      const ownAdjustments = adjustments.filter((entry) => entry.assessmentId === id);
      return [
        {
          assessment,
          ruleSet,
          createdBy: person(assessment.creator) ?? { id: assessment.createdBy, name: '' },
          frozenBy: person(assessment.freezer),
          items: ruleSet.definition.items.flatMap((item) => {
            const record = own.find((entry) => entry.itemCode === item.code);
            return record ? [{ item, record, recordedBy: person(record.recorder) }] : [];
          }),
          adjustments: ownAdjustments.map((adjustment) => ({
            ...adjustment,
            createdByRef: person(adjustment.creator) ?? { id: adjustment.createdBy, name: '' },
          })),
          score: assessment.scoreSnapshot ?? scoreOf(ruleSet, own, ownAdjustments),
        },
      ];
    });
  }
}

function scoreOf(
  ruleSet: RuleSetEntity,
  items: readonly AssessmentItemEntity[],
  adjustments: readonly AssessmentAdjustmentEntity[],
): Score {
  const records: ItemRecord[] = items.map((item) => ({
    code: item.itemCode,
    applicable: item.applicable,
    conforms: item.conforms,
    checked: item.checked,
    nonConforming: item.nonConforming,
  }));
  return scoreAssessment(ruleSet.definition, records, {
    specialDeductions: adjustments.filter((adjustment) => adjustment.kind === 'deduction').length,
    specialBonuses: adjustments.filter((adjustment) => adjustment.kind === 'bonus').length,
  });
}

/** What is wrong with an item's record for its type; every problem names its field. */
function itemProblems(item: RuleSetItem, input: ItemRecordInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const refuse = (field: string, message: string) => problems.push({ field, problems: [message] });
  const given = (value: unknown) => value !== undefined && value !== null;
  const results = ['conforms', 'checked', 'nonConforming'] as const;
  if (!input.applicable) {
    if (!trimmedOrNull(input.exclusionReason)) refuse('exclusionReason', 'an excluded item needs the reason');
    for (const field of results) if (given(input[field])) refuse(field, 'an excluded item has no result');
    if (input.nonConformingRecords?.length) refuse('nonConformingRecords', 'an excluded item has no result');
    return problems;
  }
  if (given(input.exclusionReason))
    refuse('exclusionReason', 'only an excluded item has an exclusion reason');
  if (item.type === 'qualitative') {
    for (const field of ['checked', 'nonConforming'] as const) {
      if (given(input[field])) refuse(field, `item ${item.code} is qualitative: record conforms`);
    }
    if (input.nonConformingRecords?.length) {
      refuse('nonConformingRecords', `item ${item.code} is qualitative: it has no sample`);
    }
    return problems;
  }
  if (given(input.conforms))
    refuse('conforms', `item ${item.code} is sampled: record checked and nonConforming`);
  if (given(input.checked) !== given(input.nonConforming)) {
    refuse(given(input.checked) ? 'nonConforming' : 'checked', 'checked and nonConforming go together');
  } else if (given(input.checked) && (input.nonConforming ?? 0) > (input.checked ?? 0)) {
    refuse('nonConforming', 'nonConforming must not exceed checked');
  }
  if ((input.nonConformingRecords?.length ?? 0) > (input.nonConforming ?? 0)) {
    refuse('nonConformingRecords', 'more records than were found non-conforming');
  }
  return problems;
}
