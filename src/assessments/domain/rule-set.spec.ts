import type { Sheet } from '../../imports/domain/spreadsheet';
import { DEFAULT_RULE_SET } from './default-rule-set';
import { DEFAULT_OPTIONS, type RuleSetCheck, checkRuleSet } from './rule-set';
import { draftFromJson, draftFromSheets } from './rule-set-file';

/** A checklist in the JSON format: the default's items unless told otherwise. */
function json(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '某认证机构评分表 2026',
    items: DEFAULT_RULE_SET.definition.items.map((item) => ({ ...item })),
    ...overrides,
  };
}

function checkJson(value: unknown): RuleSetCheck {
  const read = draftFromJson(value);
  if (!read.ok) return read;
  return checkRuleSet(read.draft);
}

function problemsOf(check: RuleSetCheck): Record<string, string[]> {
  if (check.ok) throw new Error('expected problems');
  return Object.fromEntries(check.problems.map((entry) => [entry.field, entry.problems]));
}

const sheet = (headers: string[], rows: unknown[][]): Sheet => ({
  headers,
  rows: rows.map((cells, index) => ({ row: index + 2, cells: cells as Sheet['rows'][number]['cells'] })),
});

describe('rule sets', () => {
  it('accepts the default rule set as a file states it, with the default options', () => {
    const accepted = checkJson({
      name: DEFAULT_RULE_SET.name,
      indicative: true,
      items: DEFAULT_RULE_SET.definition.items,
    });
    expect(accepted).toEqual({ ok: true, content: DEFAULT_RULE_SET });
  });

  it('gives the default 100 points over the 15 indicators, sampled where the auditor samples', () => {
    const { items } = DEFAULT_RULE_SET.definition;
    expect(items).toHaveLength(15);
    expect(items.reduce((total, item) => total + item.points, 0)).toBe(100);
    expect(items.filter((item) => item.type === 'sampled').map((item) => item.code)).toEqual([
      'staffing',
      'repair',
      'quality',
      'complaints',
    ]);
    expect(items.find((item) => item.code === 'repair')).toMatchObject({ points: 8 });
    expect(items.find((item) => item.code === 'repair')?.evidence).toContain('repair-records');
    expect(DEFAULT_RULE_SET.indicative).toBe(true);
  });

  it('refuses items whose points do not add up to the total', () => {
    const items = DEFAULT_RULE_SET.definition.items.map((item) =>
      item.code === 'repair' ? { ...item, points: 9 } : item,
    );
    expect(problemsOf(checkJson(json({ items })))).toEqual({
      items: ["the items' points add up to 101, not 100 (totalPoints)"],
    });
    // Another total is fine when the options say so.
    expect(checkJson(json({ items, options: { totalPoints: 101 } })).ok).toBe(true);
  });

  it('names the row and field of every bad item', () => {
    const items = [
      {
        code: 'A-1',
        indicator: 'repair',
        title: '维修记录',
        points: 50,
        type: 'sampled',
        evidence: ['repair-records'],
      },
      { code: 'a-1', indicator: 'nowhere', title: '', points: -1, type: 'guess', evidence: ['receipts'] },
      {
        code: 'B 2',
        indicator: 'repair',
        category: 'customer-service',
        title: 'x',
        points: 1.234,
        type: 'qualitative',
      },
    ];
    expect(problemsOf(checkJson(json({ items })))).toEqual({
      'items[1].code': ['code a-1 is already used by items[0]'],
      'items[1].indicator': ['indicator must be one of the 15 GB/T 27922 indicators (code or Chinese name)'],
      'items[1].title': ['title is required'],
      'items[1].points': ['points must be a number above 0 with at most two decimals'],
      'items[1].type': ['type must be qualitative (定性) or sampled (抽样)'],
      'items[1].evidence': ['unknown evidence types: receipts'],
      'items[2].code': ['code must be 1-40 letters, digits, dots, dashes or underscores'],
      'items[2].category': ['indicator repair belongs to category product-service'],
      'items[2].points': ['points must be a number above 0 with at most two decimals'],
    });
  });

  it('refuses a file without a name or items, and fields it does not know', () => {
    expect(problemsOf(checkJson({ items: [] }))).toEqual({
      name: ['name is required'],
      items: ['a rule set needs at least one item'],
    });
    expect(problemsOf(checkJson([]))).toHaveProperty('file');
    expect(problemsOf(checkJson(json({ weights: {} })))).toEqual({ file: ['unknown fields: weights'] });
    expect(problemsOf(checkJson(json({ items: [{ code: 'x', weight: 3 }] })))).toEqual({
      'items[0]': ['unknown fields: weight'],
    });
  });

  it('checks the options: known keys, ranges, rising thresholds', () => {
    expect(
      problemsOf(
        checkJson(json({ options: { decimals: 7, rounding: 'up', adjustmentsApplied: 'sometimes' } })),
      ),
    ).toEqual({
      'options.decimals': ['decimals must be a whole number from 0 to 4'],
      'options.rounding': [expect.stringContaining('unknown option rounding')],
      'options.adjustmentsApplied': [
        'adjustmentsApplied must be one of after_normalisation, before_normalisation',
      ],
    });
    expect(problemsOf(checkJson(json({ options: { threeStarAt: 92 } })))).toEqual({
      options: ['thresholds must rise: compliantAt < threeStarAt < fourStarAt < fiveStarAt'],
    });
    const own = checkJson(
      json({ options: { compliantAt: 60, decimals: 2, adjustmentsApplied: 'before_normalisation' } }),
    );
    expect(own.ok && own.content.definition.options).toEqual({
      ...DEFAULT_OPTIONS,
      compliantAt: 60,
      decimals: 2,
      adjustmentsApplied: 'before_normalisation',
    });
  });

  describe('from a workbook', () => {
    const items = sheet(
      ['类别', '指标', '编号', '评分项', '分值', '类型', '证据'],
      [
        ['商品服务', '维修', 'R-1', '维修记录完整', 60, '抽样', 'repair-records、follow-ups'],
        ['顾客服务', 'complaints', 'C-1', '投诉按时处理', 40, 'qualitative', 'complaints'],
      ],
    );
    const options = sheet(
      ['key', 'value'],
      [
        ['name', '认证机构甲 2026 版'],
        ['indicative', 'no'],
        ['sampleSize', 8],
      ],
    );

    it('reads items and options by their Chinese or English headers', () => {
      const read = draftFromSheets([
        { name: 'items', sheet: items },
        { name: 'options', sheet: options },
      ]);
      expect(read.ok).toBe(true);
      const check = read.ok ? checkRuleSet(read.draft) : read;
      expect(check).toEqual({
        ok: true,
        content: {
          name: '认证机构甲 2026 版',
          indicative: false,
          definition: {
            items: [
              {
                code: 'R-1',
                indicator: 'repair',
                title: '维修记录完整',
                points: 60,
                type: 'sampled',
                evidence: ['repair-records', 'follow-ups'],
              },
              {
                code: 'C-1',
                indicator: 'complaints',
                title: '投诉按时处理',
                points: 40,
                type: 'qualitative',
                evidence: ['complaints'],
              },
            ],
            options: { ...DEFAULT_OPTIONS, sampleSize: 8 },
          },
        },
      });
    });

    it('names the spreadsheet row of a bad cell, and missing columns', () => {
      const bad = sheet(
        ['indicator', 'code', 'title', 'points', 'type'],
        [
          ['repair', 'R-1', '维修', 'lots', 'sampled'],
          ['repair', 'R-2', '维修', 100, 'sampled'],
        ],
      );
      const read = draftFromSheets([{ name: 'Sheet1', sheet: bad }]);
      expect(read.ok && problemsOf(checkRuleSet(read.draft))).toEqual({
        'options.name': ['name is required'],
        'items[row 2].points': ['points must be a number above 0 with at most two decimals'],
      });
      expect(draftFromSheets([{ name: 'items', sheet: sheet(['code', 'title'], []) }])).toEqual({
        ok: false,
        problems: [{ field: 'items', problems: ['missing columns: indicator, points, type'] }],
      });
    });
  });
});
