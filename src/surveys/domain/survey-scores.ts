import { SCALES } from './survey-fields';

/**
 * Survey results as counts and the figures made from them. A group (an outlet, a technician, a
 * month…) is a tally of invitations; the figures are percentages rounded to one decimal, null when
 * nothing was there to count (no invitation, no rating, no NPS answer).
 *
 * - Response rate: answered invitations / invitations sent.
 * - CSAT: share of responses rating the overall satisfaction 4 or 5, among responses that rated it.
 * - NPS: % promoters (9–10) minus % detractors (0–6) among responses that answered the NPS question.
 */
export interface ScoreTally {
  sent: number;
  answered: number;
  csatAnswers: number;
  satisfied: number;
  npsAnswers: number;
  promoters: number;
  detractors: number;
}

export const EMPTY_TALLY: Readonly<ScoreTally> = {
  sent: 0,
  answered: 0,
  csatAnswers: 0,
  satisfied: 0,
  npsAnswers: 0,
  promoters: 0,
  detractors: 0,
};

/** Satisfied customers rate 4 or 5 out of 5. */
export function isSatisfied(rating: number): boolean {
  return rating >= 4;
}

export type NpsClass = 'promoter' | 'passive' | 'detractor';

export function npsClass(score: number): NpsClass {
  if (score >= 9) return 'promoter';
  return score >= 7 ? 'passive' : 'detractor';
}

/**
 * Adds `count` invitations that share the same outcome: answered or not, and the response's CSAT and
 * NPS answers (null when not given). Returns a new tally.
 */
export function addToTally(
  tally: Readonly<ScoreTally>,
  outcome: { answered: boolean; csat: number | null; nps: number | null },
  count = 1,
): ScoreTally {
  const next = { ...tally, sent: tally.sent + count };
  if (!outcome.answered) return next;
  next.answered += count;
  if (outcome.csat !== null) {
    next.csatAnswers += count;
    if (isSatisfied(outcome.csat)) next.satisfied += count;
  }
  if (outcome.nps !== null) {
    next.npsAnswers += count;
    const kind = npsClass(outcome.nps);
    if (kind === 'promoter') next.promoters += count;
    if (kind === 'detractor') next.detractors += count;
  }
  return next;
}

/** Rounded half away from zero, so that an NPS of −12.25 and one of 12.25 read alike; never −0. */
function percent(part: number, whole: number): number {
  const tenths = (1000 * part) / whole;
  const rounded = (Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10;
  return rounded === 0 ? 0 : rounded;
}

export interface ScoreFigures {
  sent: number;
  answered: number;
  /** Percent, one decimal. */
  responseRate: number | null;
  /** Percent of satisfied among the rated, one decimal. */
  csat: number | null;
  /** From −100 to 100, one decimal. */
  nps: number | null;
  csatResponses: number;
  npsResponses: number;
}

export function scoreFigures(tally: Readonly<ScoreTally>): ScoreFigures {
  return {
    sent: tally.sent,
    answered: tally.answered,
    responseRate: tally.sent === 0 ? null : percent(tally.answered, tally.sent),
    csat: tally.csatAnswers === 0 ? null : percent(tally.satisfied, tally.csatAnswers),
    nps: tally.npsAnswers === 0 ? null : percent(tally.promoters - tally.detractors, tally.npsAnswers),
    csatResponses: tally.csatAnswers,
    npsResponses: tally.npsAnswers,
  };
}

/** CSAT of a list of overall ratings (1–5). */
export function csatOf(ratings: readonly number[]): number | null {
  return scoreFigures(
    ratings.reduce((tally, csat) => addToTally(tally, { answered: true, csat, nps: null }), EMPTY_TALLY),
  ).csat;
}

/** NPS of a list of likelihood-to-recommend scores (0–10). */
export function npsOf(scores: readonly number[]): number | null {
  return scoreFigures(
    scores.reduce((tally, nps) => addToTally(tally, { answered: true, csat: null, nps }), EMPTY_TALLY),
  ).nps;
}

/** Counts per value of a scale, every value listed (zero when nobody chose it), lowest first. */
export function scaleDistribution(
  type: keyof typeof SCALES,
  counts: ReadonlyMap<string, number>,
): { value: number; count: number }[] {
  const { min, max } = SCALES[type];
  const result: { value: number; count: number }[] = [];
  for (let value = min; value <= max; value += 1) {
    result.push({ value, count: counts.get(String(value)) ?? 0 });
  }
  return result;
}

/** Mean of a distribution, two decimals; null when empty. */
export function distributionAverage(
  distribution: readonly { value: number; count: number }[],
): number | null {
  const count = distribution.reduce((sum, entry) => sum + entry.count, 0);
  if (count === 0) return null;
  const total = distribution.reduce((sum, entry) => sum + entry.value * entry.count, 0);
  return Math.round((100 * total) / count) / 100;
}
