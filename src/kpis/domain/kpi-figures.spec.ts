import {
  asOfDay,
  countFigure,
  figureOf,
  kpiFigure,
  ratioFigure,
  roundTo,
  yearStartOf,
  yearsOf,
} from './kpi-figures';

describe('KPI figures', () => {
  describe('roundTo', () => {
    it.each([
      [0.12345, 4, 0.1235],
      [2 / 3, 4, 0.6667],
      [12.25, 1, 12.3],
      [-12.25, 1, -12.3],
      [-0.04, 1, 0],
    ])('%p to %p places is %p', (value, decimals, expected) => {
      expect(roundTo(value, decimals)).toBe(expected);
    });

    it('never gives −0', () => {
      expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
    });
  });

  describe('ratioFigure', () => {
    it('a share keeps the counts and four decimals', () => {
      expect(ratioFigure('ratio', 2, 3)).toEqual({ numerator: 2, denominator: 3, value: 0.6667 });
    });

    it('a mean shows its sum and its value to one decimal, the value from the exact sum', () => {
      expect(ratioFigure('hours', 10.04 + 10.04, 2)).toEqual({ numerator: 20.1, denominator: 2, value: 10 });
      expect(ratioFigure('days', 12.3 + 4.1, 2)).toEqual({ numerator: 16.4, denominator: 2, value: 8.2 });
    });

    it('nothing to measure is null, not zero', () => {
      expect(ratioFigure('ratio', 0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
      expect(ratioFigure('hours', 0, 0).value).toBeNull();
    });
  });

  it('a tally has no denominator; its value is the count', () => {
    expect(countFigure(3)).toEqual({ numerator: 3, denominator: null, value: 3 });
  });

  describe('figureOf and kpiFigure', () => {
    const counts = { members: 4, met: 3, unmet: 1, sum: 10 };

    it('a share is met ÷ members, a mean sum ÷ members, a tally the members', () => {
      expect(figureOf('ratio', counts)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
      expect(figureOf('hours', counts)).toEqual({ numerator: 10, denominator: 4, value: 2.5 });
      expect(figureOf('days', counts)).toEqual({ numerator: 10, denominator: 4, value: 2.5 });
      expect(figureOf('count', counts)).toEqual({ numerator: 4, denominator: null, value: 4 });
    });

    it("uses the KPI's unit, or its own rule when it has one", () => {
      expect(kpiFigure('first-time-fix', counts)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
      expect(kpiFigure('major-complaints', counts).denominator).toBeNull();
      expect(kpiFigure('nps', counts, (c) => countFigure(c.met - c.unmet))).toEqual(countFigure(2));
    });

    it('refuses a score without its own rule', () => {
      expect(() => kpiFigure('nps', counts)).toThrow(/score/);
    });
  });

  describe('asOfDay', () => {
    const zone = 'Asia/Shanghai';

    it("is the period's last day once the period has ended", () => {
      expect(asOfDay({ from: '2026-01-01', to: '2026-03-31' }, new Date('2026-06-15T02:00:00Z'), zone)).toBe(
        '2026-03-31',
      );
    });

    it('is today (company time zone) while the period runs on', () => {
      // 2026-06-15 17:00 UTC is already the 16th in Shanghai.
      expect(asOfDay({ from: '2026-01-01', to: '2026-12-31' }, new Date('2026-06-15T17:00:00Z'), zone)).toBe(
        '2026-06-16',
      );
    });
  });

  it('this year starts on 1 January of the year the period ends in', () => {
    expect(yearStartOf({ from: '2025-12-01', to: '2026-02-28' })).toBe('2026-01-01');
  });

  it('names the first and last year a period touches', () => {
    expect(yearsOf({ from: '2025-12-01', to: '2026-02-28' })).toEqual({ first: 2025, last: 2026 });
  });
});
