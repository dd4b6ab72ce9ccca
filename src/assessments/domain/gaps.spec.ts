import { compareScores } from './compare';
import { DEFAULT_RULE_SET } from './default-rule-set';
import { type GapFacts, findGaps } from './gaps';
import { type ItemRecord, scoreAssessment } from './scoring';

const definition = DEFAULT_RULE_SET.definition;

function recorded(overrides: Record<string, Partial<ItemRecord>>): ItemRecord[] {
  return definition.items.map((item) => ({
    code: item.code,
    applicable: true,
    conforms: item.type === 'qualitative' ? true : null,
    checked: item.type === 'sampled' ? 4 : null,
    nonConforming: item.type === 'sampled' ? 0 : null,
    ...overrides[item.code],
  }));
}

const noRecords = { count: 0, records: [] };

function facts(records: ItemRecord[], more: Partial<GapFacts> = {}): GapFacts {
  return {
    definition,
    score: scoreAssessment(definition, records, { specialDeductions: 0, specialBonuses: 0 }),
    nonConformingRecords: new Map(),
    shortfalls: [],
    expiring: [],
    overdueFollowUps: noRecords,
    overdueComplaints: noRecords,
    ...more,
  };
}

describe('gaps', () => {
  it('lists lost and pending points, largest first, with the sampled records behind them', () => {
    const records = recorded({
      supervision: { conforms: false },
      repair: { checked: 8, nonConforming: 2 },
      recycling: { applicable: false, conforms: null },
      culture: { conforms: null },
    });
    const gaps = findGaps(
      facts(records, {
        nonConformingRecords: new Map([
          [
            'repair',
            [
              { recordType: 'ticket', id: 't1', number: 'RT2026-000001', problems: ['no_follow_up'] },
              { recordType: 'ticket', id: 't2', number: 'RT2026-000002', problems: ['no_work_log'] },
            ],
          ],
        ]),
      }),
    );
    expect(gaps.map((gap) => [gap.kind, gap.itemCodes, gap.points])).toEqual([
      ['pending_item', ['culture'], 5],
      ['failing_item', ['supervision'], 4],
      ['non_conforming_sample', ['repair'], 2],
    ]);
    // Excluded recycling is no gap; score points are on the 96 applicable points.
    expect(gaps[1]?.scorePoints).toBeCloseTo((4 / 96) * 100, 10);
    expect(gaps[2]?.records).toEqual([
      { recordType: 'ticket', id: 't1', number: 'RT2026-000001', note: '无回访记录' },
      { recordType: 'ticket', id: 't2', number: 'RT2026-000002', note: '无维修过程记录' },
    ]);
  });

  it('puts at risk what the items relying on short or overdue records still hold', () => {
    const records = recorded({ repair: { checked: 8, nonConforming: 2 } });
    const gaps = findGaps(
      facts(records, {
        shortfalls: [{ evidence: 'returns', count: 1, needed: 4 }],
        expiring: [
          {
            evidence: 'qualifications',
            recordType: 'qualification',
            id: 'q1',
            number: null,
            note: '张伟的电工证 2026-07-01 到期',
          },
        ],
        overdueFollowUps: { count: 3, records: [] },
        overdueComplaints: { count: 1, records: [] },
      }),
    );
    expect(gaps.map((gap) => [gap.kind, gap.evidence, gap.itemCodes, gap.points, gap.lost])).toEqual([
      // follow-ups back repair (8 − 2 lost) and customer relations (12).
      ['overdue_follow_ups', 'follow-ups', ['repair', 'customer-relations'], 18, false],
      ['overdue_complaints', 'complaints', ['complaints'], 13, false],
      ['expiring_validity', 'qualifications', ['staffing'], 8, false],
      ['evidence_shortfall', 'returns', ['quality'], 7, false],
      ['non_conforming_sample', null, ['repair'], 2, true],
    ]);
  });

  it('compares two scores indicator by indicator', () => {
    const before = scoreAssessment(definition, recorded({ supervision: { conforms: false } }), {
      specialDeductions: 0,
      specialBonuses: 0,
    });
    const after = scoreAssessment(definition, recorded({}), { specialDeductions: 0, specialBonuses: 0 });
    const comparison = compareScores(before, after);
    expect(comparison).toMatchObject({
      finalBefore: 96,
      finalAfter: 100,
      finalChange: 4,
      levelBefore: 'five_star',
      levelAfter: 'five_star',
      levelChange: 'same',
    });
    expect(comparison.indicators.find((entry) => entry.indicator === 'supervision')).toMatchObject({
      before: { earned: 0, lost: 4, earnedShare: 0, scoreCost: 4 },
      after: { earned: 4, lost: 0, earnedShare: 1, scoreCost: 0 },
      scoreCostChange: -4,
    });
  });
});
