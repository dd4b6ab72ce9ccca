import { cellText, formatCell } from './format-cell';

const SHANGHAI = 'Asia/Shanghai';

describe('formatCell', () => {
  it('writes empty cells for null and undefined in every kind', () => {
    expect(formatCell(null, 'money', 'zh', SHANGHAI)).toBeNull();
    expect(formatCell(undefined, 'datetime', 'zh', SHANGHAI)).toBeNull();
    expect(formatCell(null, 'boolean', 'en', SHANGHAI)).toBeNull();
  });

  it('keeps text as it is, including an empty string', () => {
    expect(formatCell('压缩机异响，"急"', 'text', 'zh', SHANGHAI)).toBe('压缩机异响，"急"');
    expect(formatCell('', 'text', 'zh', SHANGHAI)).toBe('');
    expect(formatCell(42, 'text', 'zh', SHANGHAI)).toBe('42');
    expect(formatCell({ a: 1 }, 'text', 'zh', SHANGHAI)).toBe('{"a":1}');
  });

  it('turns PostgreSQL numeric and bigint strings into numbers', () => {
    expect(formatCell('17', 'integer', 'zh', SHANGHAI)).toBe(17);
    expect(formatCell(3, 'integer', 'zh', SHANGHAI)).toBe(3);
    expect(formatCell('2.375', 'decimal', 'zh', SHANGHAI)).toBe(2.375);
    expect(formatCell('-0.5', 'decimal', 'zh', SHANGHAI)).toBe(-0.5);
  });

  it('keeps a bigint too large for a number as its digits', () => {
    expect(formatCell('9007199254740993', 'integer', 'zh', SHANGHAI)).toBe('9007199254740993');
  });

  it('rounds money to the fen and shows it with two decimals', () => {
    expect(formatCell('1280.50', 'money', 'zh', SHANGHAI)).toBe(1280.5);
    expect(formatCell(0.1 + 0.2, 'money', 'zh', SHANGHAI)).toBe(0.3);
    expect(cellText(formatCell('1280.50', 'money', 'zh', SHANGHAI), 'money')).toBe('1280.50');
    expect(cellText(formatCell('0', 'money', 'zh', SHANGHAI), 'money')).toBe('0.00');
    expect(cellText(formatCell('-35', 'money', 'zh', SHANGHAI), 'money')).toBe('-35.00');
  });

  it.each([
    ['abc', 'integer'],
    ['', 'decimal'],
    ['1.5', 'integer'],
    [true, 'money'],
    ['2026-13', 'date'],
    ['not a time', 'datetime'],
    ['yes', 'boolean'],
    [{ a: 1 }, 'list'],
  ] as const)('refuses %j as a %s cell', (value, kind) => {
    expect(() => formatCell(value, kind, 'zh', SHANGHAI)).toThrow(TypeError);
  });

  it('keeps a calendar date as it is stored', () => {
    expect(formatCell('2026-06-15', 'date', 'zh', SHANGHAI)).toBe('2026-06-15');
  });

  it('reads a node-postgres date (local midnight) as its calendar date', () => {
    expect(formatCell(new Date(2026, 0, 31), 'date', 'zh', SHANGHAI)).toBe('2026-01-31');
  });

  it('shows instants in the company time zone, as a Date or an ISO string', () => {
    expect(formatCell(new Date('2026-06-15T06:00:00Z'), 'datetime', 'zh', SHANGHAI)).toBe('2026-06-15 14:00');
    expect(formatCell('2026-06-15T06:00:00.000Z', 'datetime', 'en', SHANGHAI)).toBe('2026-06-15 14:00');
  });

  it('puts an instant shortly before midnight UTC on the next Shanghai day', () => {
    expect(formatCell('2026-03-31T23:50:00Z', 'datetime', 'zh', SHANGHAI)).toBe('2026-04-01 07:50');
    expect(formatCell('2026-03-31T23:50:00Z', 'datetime', 'zh', 'UTC')).toBe('2026-03-31 23:50');
  });

  it('says yes and no in the language of the export', () => {
    expect(formatCell(true, 'boolean', 'zh', SHANGHAI)).toBe('是');
    expect(formatCell(false, 'boolean', 'zh', SHANGHAI)).toBe('否');
    expect(formatCell(true, 'boolean', 'en', SHANGHAI)).toBe('Yes');
    expect(formatCell(false, 'boolean', 'en', SHANGHAI)).toBe('No');
  });

  it('joins lists with the enumeration comma, skipping missing items', () => {
    expect(formatCell(['压缩机', '冷凝器', null, 3], 'list', 'zh', SHANGHAI)).toBe('压缩机、冷凝器、3');
    expect(formatCell(['compressor', 'fan'], 'list', 'en', SHANGHAI)).toBe('compressor, fan');
    expect(formatCell([], 'list', 'zh', SHANGHAI)).toBe('');
    expect(formatCell('已合并', 'list', 'zh', SHANGHAI)).toBe('已合并');
  });
});

describe('formatCell with value words', () => {
  const WARRANTY = {
    in_warranty: { zh: '保修期内', en: 'In warranty' },
    out_of_warranty: { zh: '保修期外', en: 'Out of warranty' },
  };
  const RESULTS = { passed: { zh: '合格', en: 'Passed' }, failed: { zh: '不合格', en: 'Failed' } };

  it('writes a coded text as its words in the language of the export', () => {
    expect(formatCell('in_warranty', 'text', 'zh', SHANGHAI, WARRANTY)).toBe('保修期内');
    expect(formatCell('in_warranty', 'text', 'en', SHANGHAI, WARRANTY)).toBe('In warranty');
    expect(formatCell('out_of_warranty', 'text', 'en', SHANGHAI, WARRANTY)).toBe('Out of warranty');
  });

  it('writes a value without words as it is, and an empty cell as empty', () => {
    expect(formatCell('expired', 'text', 'zh', SHANGHAI, WARRANTY)).toBe('expired');
    expect(formatCell('toString', 'text', 'zh', SHANGHAI, WARRANTY)).toBe('toString');
    expect(formatCell(null, 'text', 'zh', SHANGHAI, WARRANTY)).toBeNull();
    expect(formatCell('in_warranty', 'text', 'zh', SHANGHAI)).toBe('in_warranty');
  });

  it('writes each coded item of a list as its words', () => {
    expect(formatCell(['passed', 'failed', 'other'], 'list', 'zh', SHANGHAI, RESULTS)).toBe(
      '合格、不合格、other',
    );
    expect(formatCell(['passed', 'failed'], 'list', 'en', SHANGHAI, RESULTS)).toBe('Passed, Failed');
    expect(formatCell('passed', 'list', 'en', SHANGHAI, RESULTS)).toBe('Passed');
  });

  it('writes an item made of parts with a space between them, each coded part as its words', () => {
    const inspections = [
      ['2026-03-10', 'passed', 'JC-2026', '上海计量院'],
      ['2026-04-05', 'failed', null, '上海计量院'],
    ];
    expect(formatCell(inspections, 'list', 'zh', SHANGHAI, RESULTS)).toBe(
      '2026-03-10 合格 JC-2026 上海计量院、2026-04-05 不合格 上海计量院',
    );
    expect(formatCell(inspections, 'list', 'en', SHANGHAI, RESULTS)).toBe(
      '2026-03-10 Passed JC-2026 上海计量院, 2026-04-05 Failed 上海计量院',
    );
  });

  it('leaves numbers, amounts and dates alone even when the column has words', () => {
    expect(formatCell('12', 'integer', 'zh', SHANGHAI, { '12': { zh: '十二', en: 'twelve' } })).toBe(12);
  });
});

describe('cellText', () => {
  it('writes empty for null and numbers as they are', () => {
    expect(cellText(null, 'text')).toBe('');
    expect(cellText(12, 'integer')).toBe('12');
    expect(cellText(2.375, 'decimal')).toBe('2.375');
    expect(cellText('2026-06-15 14:00', 'datetime')).toBe('2026-06-15 14:00');
  });
});
