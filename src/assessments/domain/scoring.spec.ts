import { DEFAULT_RULE_SET } from './default-rule-set';
import { DEFAULT_OPTIONS, type RuleSetDefinition, type RuleSetItem, type ScoringOptions } from './rule-set';
import { type ItemRecord, scoreAssessment } from './scoring';

const defaults = DEFAULT_RULE_SET.definition;

const conforming = (code: string): ItemRecord => ({
  code,
  applicable: true,
  conforms: true,
  checked: null,
  nonConforming: null,
});
const failing = (code: string): ItemRecord => ({ ...conforming(code), conforms: false });
const excluded = (code: string): ItemRecord => ({ ...conforming(code), applicable: false, conforms: null });
const sampled = (code: string, checked: number, nonConforming: number): ItemRecord => ({
  code,
  applicable: true,
  conforms: null,
  checked,
  nonConforming,
});

/** Every default item recorded: sampled ones as 4 checked, none failing; overrides by code. */
function defaultRecords(overrides: Record<string, ItemRecord> = {}): ItemRecord[] {
  return defaults.items.map(
    (item) =>
      overrides[item.code] ?? (item.type === 'sampled' ? sampled(item.code, 4, 0) : conforming(item.code)),
  );
}

function ruleSet(items: Partial<RuleSetItem>[], options: Partial<ScoringOptions> = {}): RuleSetDefinition {
  return {
    items: items.map((item, index) => ({
      code: `i${index + 1}`,
      indicator: 'organization',
      title: 'item',
      points: 1,
      type: 'qualitative',
      evidence: [],
      ...item,
    })),
    options: { ...DEFAULT_OPTIONS, ...options },
  };
}

const none = { specialDeductions: 0, specialBonuses: 0 };

describe('scoring (GBT27922.md §2)', () => {
  it('reproduces the worked example: 96 applicable, 90 earned, base 93.75, two deductions → 91.75, 四星', () => {
    const score = scoreAssessment(
      defaults,
      defaultRecords({
        recycling: excluded('recycling'),
        supervision: failing('supervision'),
        repair: sampled('repair', 8, 2),
      }),
      { specialDeductions: 2, specialBonuses: 0 },
    );
    expect(score).toMatchObject({
      totalPoints: 100,
      applicablePoints: 96,
      excludedPoints: 4,
      earnedPoints: 90,
      lostPoints: 6,
      pendingPoints: 0,
      base: 93.75,
      deductionPoints: 2,
      final: 91.75,
      finalDisplay: '91.7',
      level: 'four_star',
      notCertifiedReasons: [],
      ifPendingConform: null,
    });
    const indicator = (code: string) => score.indicators.find((entry) => entry.indicator === code);
    expect(indicator('supervision')).toMatchObject({ points: 4, lost: 4, earned: 0 });
    expect(indicator('supervision')?.scoreCost).toBeCloseTo(4.1667, 4);
    expect(indicator('repair')).toMatchObject({ points: 8, lost: 2, earned: 6 });
    expect(indicator('repair')?.scoreCost).toBeCloseTo(2.0833, 4);
    expect(indicator('recycling')).toMatchObject({
      points: 4,
      applicablePoints: 0,
      excludedPoints: 4,
      lost: 0,
    });
    expect(score.items.find((item) => item.code === 'repair')).toMatchObject({
      status: 'partly_conforming',
      earned: 6,
      lost: 2,
    });
    // What each indicator cost adds up to what the base lacks of 100.
    const costs = score.indicators.reduce((total, entry) => total + entry.scoreCost, 0);
    expect(costs).toBeCloseTo(100 - 93.75, 10);
  });

  it('applies the adjustments before normalisation when the rule set says so', () => {
    const score = scoreAssessment(
      { ...defaults, options: { ...defaults.options, adjustmentsApplied: 'before_normalisation' } },
      defaultRecords({
        recycling: excluded('recycling'),
        supervision: failing('supervision'),
        repair: sampled('repair', 8, 2),
      }),
      { specialDeductions: 2, specialBonuses: 0 },
    );
    // (90 − 2) ÷ 96 × 100 = 91.666…
    expect(score.base).toBe(93.75);
    expect(score.final).toBeCloseTo(91.6667, 4);
    expect(score.finalDisplay).toBe('91.6');
    expect(score.level).toBe('four_star');
  });

  describe('the 70 boundary', () => {
    it('gives 达标 at exactly 70 and not certified at 69.9', () => {
      const at70 = scoreAssessment(
        ruleSet([{ points: 70 }, { points: 30 }]),
        [conforming('i1'), failing('i2')],
        none,
      );
      expect(at70).toMatchObject({ final: 70, finalDisplay: '70.0', level: 'compliant' });

      const at699 = scoreAssessment(
        ruleSet([{ points: 69.9 }, { points: 30.1 }]),
        [conforming('i1'), failing('i2')],
        none,
      );
      expect(at699).toMatchObject({
        final: 69.9,
        finalDisplay: '69.9',
        level: 'not_certified',
        notCertifiedReasons: ['below_threshold'],
      });
    });

    it('never lets the display lift 69.95 to 70', () => {
      const score = scoreAssessment(
        ruleSet([{ points: 69.95 }, { points: 30.05 }]),
        [conforming('i1'), failing('i2')],
        none,
      );
      expect(score.final).toBe(69.95);
      expect(score.finalDisplay).toBe('69.9');
      expect(score.level).toBe('not_certified');
    });

    it('reaches a threshold met exactly even where floating point would fall short (55.8 ÷ 62 × 100 = 90)', () => {
      const definition = ruleSet([
        { points: 55 },
        { points: 1, type: 'sampled' },
        { points: 6 },
        { points: 38 },
      ]);
      expect((55.8 / 62) * 100).toBeLessThan(90);
      const score = scoreAssessment(
        definition,
        [conforming('i1'), sampled('i2', 5, 1), failing('i3'), excluded('i4')],
        none,
      );
      expect(score.finalDisplay).toBe('90.0');
      expect(score.level).toBe('four_star');
    });
  });

  describe('special deductions', () => {
    const base96 = (deductions: number) =>
      scoreAssessment(defaults, defaultRecords({ supervision: failing('supervision') }), {
        specialDeductions: deductions,
        specialBonuses: 0,
      });

    it('refuses certification at 5 special deductions, even from a base of 96', () => {
      const score = base96(5);
      expect(score.base).toBe(96);
      expect(score.final).toBe(91);
      expect(score.level).toBe('not_certified');
      expect(score.notCertifiedReasons).toEqual(['special_deductions']);
    });

    it('certifies at 4 special deductions from a base of 96: 92, 四星', () => {
      expect(base96(4)).toMatchObject({ final: 92, level: 'four_star', notCertifiedReasons: [] });
    });

    it('costs each deduction one point outside the item scores', () => {
      const score = base96(3);
      expect(score.earnedPoints).toBe(96);
      expect(score.deductionPoints).toBe(3);
      expect(score.final).toBe(93);
    });
  });

  it('takes an excluded item out of the numerator and the denominator', () => {
    const withExclusion = scoreAssessment(
      defaults,
      defaultRecords({ recycling: excluded('recycling') }),
      none,
    );
    expect(withExclusion).toMatchObject({
      applicablePoints: 96,
      earnedPoints: 96,
      base: 100,
      level: 'five_star',
    });

    const failed = scoreAssessment(defaults, defaultRecords({ recycling: failing('recycling') }), none);
    expect(failed).toMatchObject({ applicablePoints: 100, earnedPoints: 96, base: 96 });

    const exclusionAndFailure = scoreAssessment(
      defaults,
      defaultRecords({ recycling: excluded('recycling'), supervision: failing('supervision') }),
      none,
    );
    // 92 of 96, not 92 of 100.
    expect(exclusionAndFailure.base).toBeCloseTo(95.8333, 4);
  });

  it('loses sampled points in proportion: points × k ÷ n', () => {
    const definition = ruleSet([{ points: 92 }, { points: 8, type: 'sampled' }]);
    const score = (checked: number, failed: number) =>
      scoreAssessment(definition, [conforming('i1'), sampled('i2', checked, failed)], none);
    expect(score(8, 3).items[1]).toMatchObject({ earned: 5, lost: 3, status: 'partly_conforming' });
    expect(score(3, 1).items[1]?.lost).toBeCloseTo(8 / 3, 12);
    expect(score(3, 1).base).toBeCloseTo(100 - 8 / 3, 12);
    expect(score(4, 0).items[1]).toMatchObject({ lost: 0, status: 'conforming' });
    expect(score(4, 4).items[1]).toMatchObject({ earned: 0, lost: 8, status: 'non_conforming' });
  });

  it('refuses a sample with more non-conforming records than checked', () => {
    const definition = ruleSet([{ points: 100, type: 'sampled' }]);
    expect(() => scoreAssessment(definition, [sampled('i1', 2, 3)], none)).toThrow(RangeError);
    expect(() => scoreAssessment(definition, [sampled('i1', 0, 0)], none)).toThrow(RangeError);
  });

  it('counts one special bonus at most', () => {
    const records = defaultRecords({ supervision: failing('supervision') });
    const one = scoreAssessment(defaults, records, { specialDeductions: 0, specialBonuses: 1 });
    const two = scoreAssessment(defaults, records, { specialDeductions: 0, specialBonuses: 2 });
    expect(one).toMatchObject({ final: 97, specialBonuses: 1, bonusPoints: 1 });
    expect(two).toMatchObject({ final: 97, specialBonuses: 1, bonusPoints: 1 });
  });

  it('counts pending items as not earned and shows the score if they all conform', () => {
    const nothing = scoreAssessment(defaults, [], none);
    expect(nothing).toMatchObject({
      pendingPoints: 100,
      earnedPoints: 0,
      base: 0,
      level: 'not_certified',
      ifPendingConform: { final: 100, level: 'five_star' },
    });
    expect(nothing.items.every((item) => item.status === 'pending')).toBe(true);

    const halfway = scoreAssessment(
      defaults,
      [failing('supervision'), excluded('recycling'), sampled('repair', 8, 2)],
      { specialDeductions: 2, specialBonuses: 0 },
    );
    expect(halfway.pendingPoints).toBe(84);
    expect(halfway.ifPendingConform).toMatchObject({ final: 91.75, level: 'four_star' });
  });

  it('has no score when every item is excluded', () => {
    const score = scoreAssessment(ruleSet([{ points: 100 }]), [excluded('i1')], none);
    expect(score).toMatchObject({ base: null, final: null, finalDisplay: null, level: null });
    const withDeductions = scoreAssessment(ruleSet([{ points: 100 }]), [excluded('i1')], {
      specialDeductions: 5,
      specialBonuses: 0,
    });
    expect(withDeductions.level).toBe('not_certified');
  });

  it('reads the thresholds and decimals from the rule set', () => {
    const definition = ruleSet([{ points: 85 }, { points: 15 }], {
      compliantAt: 60,
      threeStarAt: 75,
      fourStarAt: 85,
      fiveStarAt: 92,
      decimals: 2,
    });
    const score = scoreAssessment(definition, [conforming('i1'), failing('i2')], none);
    expect(score).toMatchObject({ final: 85, finalDisplay: '85.00', level: 'four_star' });
  });
});
