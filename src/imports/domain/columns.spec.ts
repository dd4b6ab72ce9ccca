import { ColumnSpec, convertCell, matchColumns } from './columns';

const name: ColumnSpec = { field: 'name', headers: ['客户名称', 'name'], type: 'text' };
const zone: ColumnSpec = {
  field: 'zone',
  headers: ['区域', 'zone'],
  type: 'enum',
  values: { 城区: 'urban', urban: 'urban', 农村: 'rural', rural: 'rural' },
};
const soldOn: ColumnSpec = { field: 'soldOn', headers: ['销售日期'], type: 'date' };
const months: ColumnSpec = { field: 'warrantyMonths', headers: ['保修月数'], type: 'integer' };
const price: ColumnSpec = { field: 'unitPrice', headers: ['单价'], type: 'decimal' };

describe('matchColumns', () => {
  it('matches Chinese and English headers, ignoring case and blanks, and reports the rest', () => {
    const match = matchColumns(['序号', ' 客户 名称 ', 'ZONE', '', 'Name'], [name, zone]);
    expect([...match.byIndex.entries()].map(([index, spec]) => [index, spec.field])).toEqual([
      [1, 'name'],
      [2, 'zone'],
      [4, 'name'],
    ]);
    expect(match.ignored).toEqual(['序号']);
    expect(match.duplicated).toEqual(['name']);
  });
});

describe('convertCell', () => {
  it('treats empty cells as not given', () => {
    expect(convertCell(null, name)).toEqual({ ok: true, value: undefined });
    expect(convertCell('  ', months)).toEqual({ ok: true, value: undefined });
  });

  it('keeps numbers typed into text columns as their digits (phones in Excel)', () => {
    expect(convertCell(13800138000, name)).toEqual({ ok: true, value: '13800138000' });
  });

  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.03.05', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
  ])('reads the date %s', (text, expected) => {
    expect(convertCell(text, soldOn)).toEqual({ ok: true, value: expected });
  });

  it('reads XLSX date cells and refuses impossible dates', () => {
    expect(convertCell(new Date('2026-02-28T00:00:00Z'), soldOn)).toEqual({ ok: true, value: '2026-02-28' });
    expect(convertCell('2026-02-30', soldOn).ok).toBe(false);
    expect(convertCell('next week', soldOn).ok).toBe(false);
  });

  it('reads whole numbers and decimals', () => {
    expect(convertCell('12', months)).toEqual({ ok: true, value: 12 });
    expect(convertCell(12.5, months).ok).toBe(false);
    expect(convertCell('35.50', price)).toEqual({ ok: true, value: 35.5 });
    expect(convertCell('35元', price).ok).toBe(false);
  });

  it('maps enum spellings and refuses others', () => {
    expect(convertCell('农村', zone)).toEqual({ ok: true, value: 'rural' });
    expect(convertCell('Urban', zone)).toEqual({ ok: true, value: 'urban' });
    expect(convertCell('山区', zone)).toEqual({
      ok: false,
      problem: 'must be one of 城区, urban, 农村, rural',
    });
  });
});
