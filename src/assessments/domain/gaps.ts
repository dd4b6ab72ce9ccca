import { type EvidenceCode, type Indicator, evidenceType } from '../../evidence/domain/evidence-types';
import type { RecordReference } from './assessment-fields';
import type { RuleSetDefinition } from './rule-set';
import { SAMPLE_PROBLEM_LABELS } from './sample-checks';
import type { Score } from './scoring';

/**
 * The readiness view: what keeps an assessment's score down, by the points at stake. Points already
 * lost (a failing item, non-conforming samples) and points not yet earned (pending items) are at stake
 * in full; a shortfall in the records (too few of an evidence type, certificates running out, overdue
 * follow-ups and complaints) puts at stake what the items that rely on those records still hold.
 */
export const GAP_KINDS = [
  'failing_item',
  'non_conforming_sample',
  'pending_item',
  'evidence_shortfall',
  'expiring_validity',
  'overdue_follow_ups',
  'overdue_complaints',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface GapRecord {
  recordType: string;
  id: string;
  number: string | null;
  /** What is wrong with it, in Chinese (a certificate's holder and end date, a record's problems). */
  note: string | null;
}

export interface Gap {
  kind: GapKind;
  title: { zh: string; en: string };
  indicators: Indicator[];
  itemCodes: string[];
  evidence: EvidenceCode | null;
  /** Rule-set points at stake. */
  points: number;
  /** The same on the score out of 100. */
  scorePoints: number;
  /** true when the points are lost already (or not earned yet); false when they are at risk. */
  lost: boolean;
  /** How many records are behind it (all of them, even when `records` lists only the first ones). */
  count: number;
  records: GapRecord[];
}

export interface ExpiringRecord extends GapRecord {
  evidence: EvidenceCode;
}

export interface GapFacts {
  definition: RuleSetDefinition;
  score: Score;
  /** The non-conforming records each sampled item names. */
  nonConformingRecords: ReadonlyMap<string, readonly RecordReference[]>;
  /** Evidence types with fewer records in the period than the auditor asks for. */
  shortfalls: readonly { evidence: EvidenceCode; count: number; needed: number }[];
  expiring: readonly ExpiringRecord[];
  overdueFollowUps: { count: number; records: readonly GapRecord[] };
  overdueComplaints: { count: number; records: readonly GapRecord[] };
}

export function findGaps(facts: GapFacts): Gap[] {
  const { score, definition } = facts;
  const toScore = (points: number) =>
    score.applicablePoints === 0 ? 0 : (points / score.applicablePoints) * 100;
  const titles = new Map(definition.items.map((item) => [item.code, item.title]));
  const gaps: Gap[] = [];
  const add = (gap: Omit<Gap, 'scorePoints'>) => {
    if (gap.points > 0) gaps.push({ ...gap, scorePoints: toScore(gap.points) });
  };

  for (const item of score.items) {
    const title = titles.get(item.code) ?? item.code;
    const common = { indicators: [item.indicator], itemCodes: [item.code], evidence: null, lost: true };
    if (item.status === 'pending') {
      add({
        ...common,
        kind: 'pending_item',
        title: { zh: `评分项 ${item.code} 尚未评价：${title}`, en: `Item ${item.code} is not assessed yet` },
        points: item.pending,
        count: 0,
        records: [],
      });
    } else if (item.type === 'qualitative' && item.status === 'non_conforming') {
      add({
        ...common,
        kind: 'failing_item',
        title: { zh: `评分项 ${item.code} 不符合：${title}`, en: `Item ${item.code} does not conform` },
        points: item.lost,
        count: 0,
        records: [],
      });
    } else if (item.type === 'sampled' && item.lost > 0) {
      const records = facts.nonConformingRecords.get(item.code) ?? [];
      add({
        ...common,
        kind: 'non_conforming_sample',
        title: {
          zh: `评分项 ${item.code} 抽样记录不符合：${title}`,
          en: `Item ${item.code} has non-conforming sampled records`,
        },
        points: item.lost,
        count: records.length,
        records: records.map((record) => ({
          recordType: record.recordType,
          id: record.id,
          number: record.number,
          note: record.problems?.map((problem) => SAMPLE_PROBLEM_LABELS[problem].zh).join('、') ?? null,
        })),
      });
    }
  }

  /** What the applicable items relying on an evidence type still hold (earned or pending). */
  const atRisk = (evidence: EvidenceCode) => {
    const relying = definition.items.filter((item) => item.evidence.includes(evidence));
    const scored = score.items.filter(
      (item) => item.status !== 'excluded' && relying.some((entry) => entry.code === item.code),
    );
    return {
      indicators: [...new Set(scored.map((item) => item.indicator))],
      itemCodes: scored.map((item) => item.code),
      evidence,
      points: scored.reduce((total, item) => total + item.earned + item.pending, 0),
      lost: false,
    };
  };

  for (const shortfall of facts.shortfalls) {
    const type = evidenceType(shortfall.evidence);
    add({
      ...atRisk(shortfall.evidence),
      kind: 'evidence_shortfall',
      title: {
        zh: `${type.zh}：期间内 ${shortfall.count} 份，少于所需的 ${shortfall.needed} 份`,
        en: `${type.en}: ${shortfall.count} in the period, fewer than the ${shortfall.needed} needed`,
      },
      count: shortfall.count,
      records: [],
    });
  }

  const expiringByEvidence = new Map<EvidenceCode, ExpiringRecord[]>();
  for (const record of facts.expiring) {
    expiringByEvidence.set(record.evidence, [...(expiringByEvidence.get(record.evidence) ?? []), record]);
  }
  for (const [evidence, records] of expiringByEvidence) {
    const type = evidenceType(evidence);
    add({
      ...atRisk(evidence),
      kind: 'expiring_validity',
      title: {
        zh: `${type.zh}：${records.length} 项已过期或将在 30 天内到期`,
        en: `${type.en}: ${records.length} expired or expiring within 30 days`,
      },
      count: records.length,
      records: records.map((record) => ({
        recordType: record.recordType,
        id: record.id,
        number: record.number,
        note: record.note,
      })),
    });
  }

  const { overdueFollowUps, overdueComplaints } = facts;
  if (overdueFollowUps.count > 0) {
    add({
      ...atRisk('follow-ups'),
      kind: 'overdue_follow_ups',
      title: {
        zh: `逾期未完成的回访与巡检 ${overdueFollowUps.count} 项`,
        en: `${overdueFollowUps.count} follow-up visits and inspections overdue`,
      },
      count: overdueFollowUps.count,
      records: [...overdueFollowUps.records],
    });
  }
  if (overdueComplaints.count > 0) {
    add({
      ...atRisk('complaints'),
      kind: 'overdue_complaints',
      title: {
        zh: `逾期未受理或未解决的投诉 ${overdueComplaints.count} 件`,
        en: `${overdueComplaints.count} complaints overdue`,
      },
      count: overdueComplaints.count,
      records: [...overdueComplaints.records],
    });
  }

  return gaps.sort(
    (a, b) =>
      b.points - a.points ||
      GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind) ||
      (a.itemCodes[0] ?? '').localeCompare(b.itemCodes[0] ?? ''),
  );
}
