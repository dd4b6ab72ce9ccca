import type { ExportColumn } from '../domain/export-table';
import { sqlCell } from './csv-sql';

const column = (kind: ExportColumn['kind'], values?: ExportColumn['values']): ExportColumn => ({
  key: 'k',
  zh: '列',
  en: 'Column',
  kind,
  width: 10,
  values,
});

describe('sqlCell', () => {
  it('writes coded text as its words in the language, guarded against formulas', () => {
    const sql = sqlCell(
      column('text', { phone: { zh: '电话', en: 'Phone' } }),
      't.channel',
      'en',
      'Asia/Shanghai',
    );
    expect(sql).toContain(`WHEN 'phone' THEN 'Phone'`);
    expect(sql).toContain(`'''' ||`);
  });

  it('reads instants in the company time zone', () => {
    expect(sqlCell(column('datetime'), 't.reportedAt', 'zh', 'Asia/Shanghai')).toBe(
      `to_char(t.reportedAt AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`,
    );
  });

  it('keeps null booleans empty', () => {
    expect(sqlCell(column('boolean'), 'x.ok', 'zh', 'UTC')).toBe(
      `CASE x.ok WHEN true THEN '是' WHEN false THEN '否' END`,
    );
  });

  it('has no SQL form for lists and decimals', () => {
    expect(sqlCell(column('list'), 'x', 'zh', 'UTC')).toBeNull();
    expect(sqlCell(column('decimal'), 'x', 'zh', 'UTC')).toBeNull();
  });
});
