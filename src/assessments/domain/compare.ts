import { INDICATORS, type Indicator } from '../../evidence/domain/evidence-types';
import { type IndicatorScore, RESULT_LEVELS, type ResultLevel, type Score } from './scoring';

/**
 * Two assessments side by side: an earlier one ("before") and a later one ("after"), indicator by
 * indicator. Indicators are the standard's, so assessments under different rule sets compare too;
 * points are compared as the share of the indicator's applicable points earned, which stays
 * meaningful when a rule set weighs an indicator differently.
 */
export interface IndicatorSide {
  points: number;
  applicablePoints: number;
  earned: number;
  lost: number;
  pending: number;
  scoreCost: number;
  /** Earned ÷ applicable points; null when the indicator is excluded. */
  earnedShare: number | null;
}

export interface IndicatorComparison {
  indicator: Indicator;
  before: IndicatorSide | null;
  after: IndicatorSide | null;
  /** after − before of what the indicator cost the score; null when either side lacks it. */
  scoreCostChange: number | null;
}

export type LevelChange = 'up' | 'down' | 'same';

export interface ScoreComparison {
  finalBefore: number | null;
  finalAfter: number | null;
  finalChange: number | null;
  levelBefore: ResultLevel | null;
  levelAfter: ResultLevel | null;
  levelChange: LevelChange | null;
  indicators: IndicatorComparison[];
}

function side(score: IndicatorScore | undefined): IndicatorSide | null {
  if (!score) return null;
  return {
    points: score.points,
    applicablePoints: score.applicablePoints,
    earned: score.earned,
    lost: score.lost,
    pending: score.pending,
    scoreCost: score.scoreCost,
    earnedShare: score.applicablePoints === 0 ? null : score.earned / score.applicablePoints,
  };
}

export function compareScores(before: Score, after: Score): ScoreComparison {
  const rank = (level: ResultLevel | null) => (level === null ? null : RESULT_LEVELS.indexOf(level));
  const [rankBefore, rankAfter] = [rank(before.level), rank(after.level)];
  return {
    finalBefore: before.final,
    finalAfter: after.final,
    finalChange: before.final === null || after.final === null ? null : after.final - before.final,
    levelBefore: before.level,
    levelAfter: after.level,
    levelChange:
      rankBefore === null || rankAfter === null
        ? null
        : rankAfter > rankBefore
          ? 'up'
          : rankAfter < rankBefore
            ? 'down'
            : 'same',
    indicators: INDICATORS.flatMap((indicator) => {
      const was = side(before.indicators.find((entry) => entry.indicator === indicator));
      const is = side(after.indicators.find((entry) => entry.indicator === indicator));
      if (!was && !is) return [];
      return [
        {
          indicator,
          before: was,
          after: is,
          scoreCostChange: was && is ? is.scoreCost - was.scoreCost : null,
        },
      ];
    }),
  };
}
