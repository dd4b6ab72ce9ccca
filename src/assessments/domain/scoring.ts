import { INDICATORS, type Indicator } from '../../evidence/domain/evidence-types';
import {
  type Rational,
  ZERO,
  add,
  atLeast,
  div,
  fromDecimal,
  fromInteger,
  mul,
  rational,
  sub,
  sum,
  toNumber,
  truncated,
} from './rational';
import type { ItemType, RuleSetDefinition, ScoringOptions } from './rule-set';
import { CATEGORY_OF, type Category } from './standard';

/**
 * The scoring of GBT27922.md §2, as a pure function of the rule set, what was recorded per item and
 * the special deductions and bonuses. Scores are computed exactly (see rational.ts) and compared with
 * the thresholds exactly; numbers are only for reading.
 */

export const RESULT_LEVELS = ['not_certified', 'compliant', 'three_star', 'four_star', 'five_star'] as const;
export type ResultLevel = (typeof RESULT_LEVELS)[number];

export const RESULT_LEVEL_LABELS: Readonly<Record<ResultLevel, { zh: string; en: string }>> = {
  not_certified: { zh: '不予认证', en: 'Not certified' },
  compliant: { zh: '达标', en: 'Compliant' },
  three_star: { zh: '三星', en: 'Three stars' },
  four_star: { zh: '四星', en: 'Four stars' },
  five_star: { zh: '五星', en: 'Five stars' },
};

export const ITEM_STATUSES = [
  'pending',
  'excluded',
  'conforming',
  'partly_conforming',
  'non_conforming',
] as const;
/** pending: applicable, nothing recorded yet; partly_conforming: a sample with some non-conforming records. */
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** What was recorded for one item of the rule set. */
export interface ItemRecord {
  code: string;
  applicable: boolean;
  /** Qualitative items: whether the item conforms; null while not assessed. */
  conforms: boolean | null;
  /** Sampled items: records checked (n ≥ 1) and found non-conforming (0 ≤ k ≤ n); null while not assessed. */
  checked: number | null;
  nonConforming: number | null;
}

export interface AdjustmentCounts {
  specialDeductions: number;
  specialBonuses: number;
}

export interface ItemScore {
  code: string;
  indicator: Indicator;
  type: ItemType;
  points: number;
  status: ItemStatus;
  /** In the rule set's points. An excluded item has none of them; a pending one has them all pending. */
  earned: number;
  lost: number;
  pending: number;
  /** What the lost points cost the score out of 100 (lost ÷ applicable points × 100). */
  scoreCost: number;
}

export interface IndicatorScore {
  indicator: Indicator;
  category: Category;
  points: number;
  applicablePoints: number;
  excludedPoints: number;
  earned: number;
  lost: number;
  pending: number;
  scoreCost: number;
  itemCodes: string[];
}

export const NOT_CERTIFIED_REASONS = ['below_threshold', 'special_deductions'] as const;
export type NotCertifiedReason = (typeof NOT_CERTIFIED_REASONS)[number];

export interface Outcome {
  /** The final score; null when no item applies. */
  final: number | null;
  /** The final score cut to the rule set's decimals (69.95 shows as 69.9 with one decimal). */
  finalDisplay: string | null;
  /** Decided on the exact final score; null when no item applies and nothing else decides it. */
  level: ResultLevel | null;
  notCertifiedReasons: NotCertifiedReason[];
}

export interface Score extends Outcome {
  totalPoints: number;
  applicablePoints: number;
  excludedPoints: number;
  earnedPoints: number;
  lostPoints: number;
  /** Points of applicable items with nothing recorded yet: counted as not earned. */
  pendingPoints: number;
  /** Earned ÷ applicable points × 100; null when no item applies. */
  base: number | null;
  specialDeductions: number;
  /** Bonuses counted: at most the rule set's maximum (one), whatever was recorded. */
  specialBonuses: number;
  deductionPoints: number;
  bonusPoints: number;
  adjustmentsApplied: ScoringOptions['adjustmentsApplied'];
  decimals: number;
  /** The outcome if every pending item turned out conforming; null when nothing is pending. */
  ifPendingConform: Outcome | null;
  items: ItemScore[];
  indicators: IndicatorScore[];
}

interface ExactItem {
  score: Omit<ItemScore, 'earned' | 'lost' | 'pending' | 'scoreCost'>;
  points: Rational;
  earned: Rational;
  lost: Rational;
  pending: Rational;
}

const HUNDRED = fromInteger(100);

function scoreItem(item: RuleSetDefinition['items'][number], record: ItemRecord | undefined): ExactItem {
  const points = fromDecimal(item.points);
  const base = { code: item.code, indicator: item.indicator, type: item.type, points: item.points };
  const result = (status: ItemStatus, earned: Rational, lost: Rational, pending: Rational): ExactItem => ({
    score: { ...base, status },
    points,
    earned,
    lost,
    pending,
  });
  if (record && !record.applicable) return result('excluded', ZERO, ZERO, ZERO);
  if (item.type === 'qualitative') {
    if (record?.conforms === true) return result('conforming', points, ZERO, ZERO);
    if (record?.conforms === false) return result('non_conforming', ZERO, points, ZERO);
    return result('pending', ZERO, ZERO, points);
  }
  const checked = record?.checked ?? null;
  const failing = record?.nonConforming ?? null;
  if (checked === null || failing === null) return result('pending', ZERO, ZERO, points);
  if (
    !Number.isInteger(checked) ||
    !Number.isInteger(failing) ||
    checked < 1 ||
    failing < 0 ||
    failing > checked
  ) {
    throw new RangeError(
      `Item ${item.code}: ${failing} non-conforming of ${checked} checked is not a sample`,
    );
  }
  // Loses points × k / n.
  const lost = mul(points, rational(BigInt(failing), BigInt(checked)));
  const status: ItemStatus =
    failing === 0 ? 'conforming' : failing === checked ? 'non_conforming' : 'partly_conforming';
  return result(status, sub(points, lost), lost, ZERO);
}

function levelOf(final: Rational | null, deductions: number, options: ScoringOptions): Outcome {
  const reasons: NotCertifiedReason[] = [];
  if (final !== null && !atLeast(final, fromDecimal(options.compliantAt))) reasons.push('below_threshold');
  if (deductions >= options.notCertifiedDeductions) reasons.push('special_deductions');
  let level: ResultLevel | null = null;
  if (reasons.length > 0) level = 'not_certified';
  else if (final !== null) {
    const reaches = (threshold: number) => atLeast(final, fromDecimal(threshold));
    level = reaches(options.fiveStarAt)
      ? 'five_star'
      : reaches(options.fourStarAt)
        ? 'four_star'
        : reaches(options.threeStarAt)
          ? 'three_star'
          : 'compliant';
  }
  return {
    final: final === null ? null : toNumber(final),
    finalDisplay: final === null ? null : truncated(final, options.decimals),
    level,
    notCertifiedReasons: reasons,
  };
}

/**
 * final = base − deductions + bonus, with the adjustments applied to the score out of 100 (the
 * default) or to the points earned before they are scaled to 100.
 */
function finalScore(
  earned: Rational,
  applicable: Rational,
  adjustment: Rational,
  options: ScoringOptions,
): Rational | null {
  if (applicable.n === 0n) return null;
  if (options.adjustmentsApplied === 'before_normalisation') {
    return mul(div(add(earned, adjustment), applicable), HUNDRED);
  }
  return add(mul(div(earned, applicable), HUNDRED), adjustment);
}

export function scoreAssessment(
  definition: RuleSetDefinition,
  records: readonly ItemRecord[],
  adjustments: AdjustmentCounts,
): Score {
  const { options } = definition;
  const byCode = new Map(records.map((record) => [record.code, record]));
  const items = definition.items.map((item) => scoreItem(item, byCode.get(item.code)));

  const applicableOf = (entries: readonly ExactItem[]) =>
    sum(entries.filter((entry) => entry.score.status !== 'excluded').map((entry) => entry.points));
  const applicable = applicableOf(items);
  const earned = sum(items.map((entry) => entry.earned));
  const pending = sum(items.map((entry) => entry.pending));
  const costOf = (lost: Rational) =>
    applicable.n === 0n ? 0 : toNumber(mul(div(lost, applicable), HUNDRED));

  const specialBonuses = Math.min(adjustments.specialBonuses, options.maxSpecialBonuses);
  const deductionPoints = mul(
    fromInteger(adjustments.specialDeductions),
    fromDecimal(options.specialDeductionPoints),
  );
  const bonusPoints = mul(fromInteger(specialBonuses), fromDecimal(options.specialBonusPoints));
  const adjustment = sub(bonusPoints, deductionPoints);

  const final = finalScore(earned, applicable, adjustment, options);
  const outcome = levelOf(final, adjustments.specialDeductions, options);
  const ifPendingConform =
    pending.n === 0n
      ? null
      : levelOf(
          finalScore(add(earned, pending), applicable, adjustment, options),
          adjustments.specialDeductions,
          options,
        );

  const indicators: IndicatorScore[] = INDICATORS.flatMap((indicator) => {
    const own = items.filter((entry) => entry.score.indicator === indicator);
    if (own.length === 0) return [];
    const points = sum(own.map((entry) => entry.points));
    const indicatorApplicable = applicableOf(own);
    const lost = sum(own.map((entry) => entry.lost));
    return [
      {
        indicator,
        category: CATEGORY_OF[indicator],
        points: toNumber(points),
        applicablePoints: toNumber(indicatorApplicable),
        excludedPoints: toNumber(sub(points, indicatorApplicable)),
        earned: toNumber(sum(own.map((entry) => entry.earned))),
        lost: toNumber(lost),
        pending: toNumber(sum(own.map((entry) => entry.pending))),
        scoreCost: costOf(lost),
        itemCodes: own.map((entry) => entry.score.code),
      },
    ];
  });

  const total = sum(items.map((entry) => entry.points));
  return {
    totalPoints: toNumber(total),
    applicablePoints: toNumber(applicable),
    excludedPoints: toNumber(sub(total, applicable)),
    earnedPoints: toNumber(earned),
    lostPoints: toNumber(sum(items.map((entry) => entry.lost))),
    pendingPoints: toNumber(pending),
    base: applicable.n === 0n ? null : toNumber(mul(div(earned, applicable), HUNDRED)),
    specialDeductions: adjustments.specialDeductions,
    specialBonuses,
    deductionPoints: toNumber(deductionPoints),
    bonusPoints: toNumber(bonusPoints),
    adjustmentsApplied: options.adjustmentsApplied,
    decimals: options.decimals,
    ...outcome,
    ifPendingConform,
    items: items.map((entry) => ({
      ...entry.score,
      earned: toNumber(entry.earned),
      lost: toNumber(entry.lost),
      pending: toNumber(entry.pending),
      scoreCost: costOf(entry.lost),
    })),
    indicators,
  };
}
