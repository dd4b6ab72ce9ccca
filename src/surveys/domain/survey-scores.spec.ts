import {
  EMPTY_TALLY,
  addToTally,
  csatOf,
  distributionAverage,
  isSatisfied,
  npsClass,
  npsOf,
  scaleDistribution,
  scoreFigures,
} from './survey-scores';

describe('CSAT', () => {
  it('counts ratings of 4 and 5 as satisfied', () => {
    expect([1, 2, 3, 4, 5].map(isSatisfied)).toEqual([false, false, false, true, true]);
  });

  it('is the share of satisfied ratings, in percent with one decimal', () => {
    expect(csatOf([5, 4, 3])).toBe(66.7);
    expect(csatOf([5, 5, 4, 4])).toBe(100);
    expect(csatOf([1, 2, 3])).toBe(0);
    expect(csatOf([5, 4, 4, 3, 2, 1, 5])).toBe(57.1);
  });

  it('is null without ratings', () => {
    expect(csatOf([])).toBeNull();
  });
});

describe('NPS', () => {
  it('sorts scores into detractors 0–6, passives 7–8, promoters 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsClass)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('is % promoters minus % detractors', () => {
    // 2 promoters, 1 passive, 1 detractor of 4: 50 − 25.
    expect(npsOf([10, 9, 8, 6])).toBe(25);
    expect(npsOf([0, 3, 9])).toBe(-33.3);
    expect(npsOf([10, 10])).toBe(100);
    expect(npsOf([7, 8])).toBe(0);
    expect(Object.is(npsOf([7, 8]), -0)).toBe(false);
  });

  it('rounds halves away from zero on both sides', () => {
    // 1 promoter of 8 = 12.5, one detractor of 8 = −12.5.
    expect(npsOf([9, 7, 7, 7, 7, 7, 7, 7])).toBe(12.5);
    expect(npsOf([0, 7, 7, 7, 7, 7, 7, 7])).toBe(-12.5);
    // 1/16 = 6.25 → 6.3 and −6.3.
    expect(npsOf([9, ...Array<number>(15).fill(8)])).toBe(6.3);
    expect(npsOf([6, ...Array<number>(15).fill(8)])).toBe(-6.3);
  });

  it('is null without answers', () => {
    expect(npsOf([])).toBeNull();
  });
});

describe('scoreFigures', () => {
  it('counts unanswered invitations in the response rate only', () => {
    let tally = addToTally(EMPTY_TALLY, { answered: false, csat: null, nps: null }, 3);
    tally = addToTally(tally, { answered: true, csat: 5, nps: 10 });
    tally = addToTally(tally, { answered: true, csat: 3, nps: null }, 2);
    tally = addToTally(tally, { answered: true, csat: null, nps: 4 });
    expect(scoreFigures(tally)).toEqual({
      sent: 7,
      answered: 4,
      responseRate: 57.1,
      csat: 33.3,
      nps: 0,
      csatResponses: 3,
      npsResponses: 2,
    });
  });

  it('is null everywhere for an empty group', () => {
    expect(scoreFigures(EMPTY_TALLY)).toEqual({
      sent: 0,
      answered: 0,
      responseRate: null,
      csat: null,
      nps: null,
      csatResponses: 0,
      npsResponses: 0,
    });
  });
});

describe('distributions', () => {
  it('lists every value of the scale and its mean', () => {
    const distribution = scaleDistribution(
      'rating',
      new Map([
        ['5', 2],
        ['3', 1],
      ]),
    );
    expect(distribution).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 0 },
      { value: 3, count: 1 },
      { value: 4, count: 0 },
      { value: 5, count: 2 },
    ]);
    expect(distributionAverage(distribution)).toBe(4.33);
    expect(scaleDistribution('nps', new Map()).map((entry) => entry.value)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(distributionAverage(scaleDistribution('nps', new Map()))).toBeNull();
  });
});
