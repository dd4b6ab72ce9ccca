import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import pdfParse from 'pdf-parse';
import type { Language } from '../../common/errors/error-messages';
import type { ExportColumn, ExportRow, ExportTable } from '../domain/export-table';
import { cellText, formatRow } from '../domain/format-cell';
import { EXPORT_FORMATS, type ExportFormat, openTableWriter, writerFormatOf } from './table-writer';

const COLUMNS: readonly ExportColumn[] = [
  { key: 'number', zh: '工单号', en: 'Ticket no.', kind: 'text', width: 16 },
  { key: 'customer', zh: '客户', en: 'Customer', kind: 'text', width: 20 },
  { key: 'fault', zh: '故障描述', en: 'Fault', kind: 'text', width: 36 },
  { key: 'units', zh: '数量', en: 'Units', kind: 'integer', width: 6 },
  { key: 'hours', zh: '工时', en: 'Hours', kind: 'decimal', width: 6 },
  { key: 'amount', zh: '金额（元）', en: 'Amount (CNY)', kind: 'money', width: 12 },
  { key: 'due', zh: '约定日期', en: 'Due date', kind: 'date', width: 11 },
  { key: 'receivedAt', zh: '受理时间', en: 'Received at', kind: 'datetime', width: 16 },
  { key: 'urgent', zh: '加急', en: 'Urgent', kind: 'boolean', width: 6 },
  { key: 'parts', zh: '更换配件', en: 'Parts replaced', kind: 'list', width: 20 },
];

function table(language: Language = 'zh'): ExportTable {
  return {
    title: language === 'en' ? 'Repair requests' : '客户报修记录',
    subtitle: '华东制冷设备有限公司 · 期间 2026-01-01 至 2026-06-30',
    columns: COLUMNS,
    language,
    timeZone: 'Asia/Shanghai',
  };
}

const CUSTOMERS = [
  '上海申达机电有限公司',
  'Smith, "Bob" & Co.',
  '杭州西湖冷链物流',
  '=HYPERLINK("http://x.test")',
];

/** Rows as PostgreSQL returns them: numeric as strings, timestamptz as Date, text[] as arrays, nulls. */
function sampleRow(i: number): ExportRow {
  const day = ((i - 1) % 28) + 1;
  return {
    number: `RT-2026-${String(i).padStart(6, '0')}`,
    customer: CUSTOMERS[i % CUSTOMERS.length],
    fault: i % 3 === 0 ? `压缩机异响，"急"\n客户要求上午上门（第 ${i} 次）` : `空调不制冷, 风机正常 ${i}`,
    units: i % 5 === 0 ? null : String(i),
    hours: (i * 0.25).toFixed(2),
    amount: i % 7 === 0 ? null : `${i * 100}.50`,
    due: `2026-06-${String((i % 28) + 1).padStart(2, '0')}`,
    // 16:30 UTC is 00:30 the next day in Shanghai.
    receivedAt:
      i % 2 === 0
        ? new Date(Date.UTC(2026, 2, day, 16, 30))
        : `2026-03-${String(day).padStart(2, '0')}T02:05:00Z`,
    urgent: i % 4 === 0 ? null : i % 2 === 0,
    parts: i % 6 === 0 ? null : i % 2 === 0 ? ['压缩机', '冷凝风扇'] : [],
  };
}

const ROWS = Array.from({ length: 30 }, (_, i) => sampleRow(i + 1));

async function writeTable(format: ExportFormat, rows: readonly ExportRow[], language: Language = 'zh') {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = openTableWriter(format, table(language), output);
  for (const row of rows) await writer.write(row);
  const result = await writer.end();
  return { bytes: Buffer.concat(chunks), rows: result.rows };
}

describe('export formats', () => {
  it('name their content type and extension', () => {
    expect(writerFormatOf('xlsx')).toEqual({
      format: 'xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    });
    expect(writerFormatOf('csv').contentType).toBe('text/csv; charset=utf-8');
    expect(writerFormatOf('pdf').extension).toBe('pdf');
    expect(() => writerFormatOf('docx')).toThrow('Unknown export format docx');
  });
});

describe('CSV writer', () => {
  it('starts with the UTF-8 byte-order mark and ends lines with CRLF', async () => {
    const { bytes, rows } = await writeTable('csv', ROWS);
    expect(rows).toBe(30);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(
      text.startsWith('\uFEFF工单号,客户,故障描述,数量,工时,金额（元）,约定日期,受理时间,加急,更换配件\r\n'),
    ).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('parses back to the same rows, quoted where they hold commas, quotes and line breaks', async () => {
    const { bytes } = await writeTable('csv', ROWS);
    const records: string[][] = parse(bytes, { bom: true });
    expect(records).toHaveLength(31);
    expect(records[0]).toEqual(COLUMNS.map((column) => column.zh));
    const guard = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);
    ROWS.forEach((row, index) => {
      const expected = formatRow(table(), row).map((value, column) => {
        const kind = COLUMNS[column]!.kind;
        return kind === 'text' || kind === 'list' ? guard(cellText(value, kind)) : cellText(value, kind);
      });
      expect(records[index + 1]).toEqual(expected);
    });
  });

  it('writes each kind the way a reader expects it', async () => {
    const { bytes } = await writeTable('csv', ROWS);
    const [, first, second, third, , , , seventh]: string[][] = parse(bytes, { bom: true });
    expect(first).toEqual([
      'RT-2026-000001',
      'Smith, "Bob" & Co.',
      '空调不制冷, 风机正常 1',
      '1',
      '0.25',
      '100.50',
      '2026-06-02',
      '2026-03-01 10:05',
      '否',
      '',
    ]);
    expect(second![7]).toBe('2026-03-03 00:30');
    expect(second![8]).toBe('是');
    expect(second![9]).toBe('压缩机、冷凝风扇');
    expect(third![1]).toBe(`'=HYPERLINK("http://x.test")`);
    expect(third![2]).toBe('压缩机异响，"急"\n客户要求上午上门（第 3 次）');
    expect(seventh![5]).toBe('');
  });

  it('quotes on the wire exactly as RFC 4180 says', async () => {
    const text = (await writeTable('csv', ROWS)).bytes.toString('utf8');
    expect(text).toContain(
      '\r\nRT-2026-000001,"Smith, ""Bob"" & Co.","空调不制冷, 风机正常 1",1,0.25,100.50,',
    );
    expect(text).toContain(
      `,"'=HYPERLINK(""http://x.test"")","压缩机异响，""急""\n客户要求上午上门（第 3 次）",`,
    );
  });

  it('writes English headers and yes/no for lang=en', async () => {
    const { bytes } = await writeTable('csv', ROWS.slice(0, 2), 'en');
    const [header, first, second]: string[][] = parse(bytes, { bom: true });
    expect(header).toEqual(COLUMNS.map((column) => column.en));
    expect(first![8]).toBe('No');
    expect(second![8]).toBe('Yes');
    expect(second![9]).toBe('压缩机, 冷凝风扇');
  });

  it('writes only the header for an empty period', async () => {
    const { bytes, rows } = await writeTable('csv', []);
    expect(rows).toBe(0);
    expect(parse(bytes, { bom: true })).toEqual([COLUMNS.map((column) => column.zh)]);
  });
});

describe('XLSX writer', () => {
  async function readBack(language: Language = 'zh') {
    const { bytes } = await writeTable('xlsx', ROWS, language);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  }

  it('holds one sheet named after the register with a styled, frozen, filtered Chinese header', async () => {
    const workbook = await readBack();
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('客户报修记录');
    expect(sheet.getRow(1).values).toEqual([undefined, ...COLUMNS.map((column) => column.zh)]);
    const header = sheet.getCell('A1');
    expect(header.font.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } });
    expect(header.border.bottom).toMatchObject({ style: 'thin' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:J1');
    expect(COLUMNS.map((_, index) => sheet.getColumn(index + 1).width)).toEqual(COLUMNS.map((c) => c.width));
  });

  it('holds every row: numbers as numbers, dates as company-zone text, empty cells for nulls', async () => {
    const sheet = (await readBack()).worksheets[0]!;
    expect(sheet.rowCount).toBe(31);
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'RT-2026-000002',
      '杭州西湖冷链物流',
      '空调不制冷, 风机正常 2',
      2,
      0.5,
      200.5,
      '2026-06-03',
      '2026-03-03 00:30',
      '是',
      '压缩机、冷凝风扇',
    ]);
    expect(sheet.getCell('F3').numFmt).toBe('#,##0.00');
    // The formula-looking customer stays plain text in a spreadsheet cell: no apostrophe needed.
    expect(sheet.getCell('B4').value).toBe('=HYPERLINK("http://x.test")');
    expect(sheet.getCell('C4').value).toBe('压缩机异响，"急"\n客户要求上午上门（第 3 次）');
    expect(sheet.getCell('D6').value).toBeNull();
    expect(sheet.getCell('F8').value).toBeNull();
    ROWS.forEach((row, index) => {
      const values = (sheet.getRow(index + 2).values as unknown[]).slice(1);
      // exceljs reads an empty string back as an empty cell.
      const expected = formatRow(table(), row).map((value) =>
        value === null || value === '' ? undefined : value,
      );
      expect([...values, ...Array<undefined>(COLUMNS.length - values.length)]).toEqual(expected);
    });
  });

  it('uses English headers and a cleaned sheet name for lang=en', async () => {
    const sheet = (await readBack('en')).worksheets[0]!;
    expect(sheet.name).toBe('Repair requests');
    expect(sheet.getRow(1).values).toEqual([undefined, ...COLUMNS.map((column) => column.en)]);
    expect(sheet.getCell('I3').value).toBe('Yes');
  });
});

interface PlacedText {
  page: number;
  text: string;
  x: number;
  y: number;
  width: number;
}

/** The PDF's text, and every piece of it with its place on the page (PDF units, origin bottom left). */
async function readPdf(bytes: Buffer): Promise<{ text: string; pages: number; placed: PlacedText[] }> {
  const placed: PlacedText[] = [];
  let page = 0;
  const result = await pdfParse(bytes, {
    pagerender: async (pageData: {
      getTextContent: () => Promise<{ items: { str: string; transform: number[]; width: number }[] }>;
    }) => {
      page += 1;
      const content = await pageData.getTextContent();
      for (const item of content.items) {
        placed.push({
          page,
          text: item.str,
          x: item.transform[4]!,
          y: item.transform[5]!,
          width: item.width,
        });
      }
      return content.items.map((item) => item.str).join('\n');
    },
  });
  return { text: result.text, pages: result.numpages, placed };
}

describe('PDF writer', () => {
  const PAGE = { width: 841.89, height: 595.28, margin: 36 };

  it('shows the title, the Chinese header and the data in Chinese', async () => {
    const { bytes, rows } = await writeTable('pdf', ROWS);
    expect(rows).toBe(30);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await readPdf(bytes);
    for (const expected of [
      '客户报修记录',
      '华东制冷设备有限公司',
      '故障描述',
      '金额（元）',
      '上海申达机电有限公司',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('2026-03-03 00:30');
    expect(text).toContain('200.50');
    expect(text).toContain('压缩机、冷凝风扇');
    expect(text).toContain('第 1 页');
  });

  it('runs over pages with the header and a page number on every page', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => sampleRow(i + 1));
    const { bytes } = await writeTable('pdf', rows);
    const { text, pages, placed } = await readPdf(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('第 2 页');
    expect(text).toContain(`第 ${pages} 页`);
    expect(text).toContain('RT-2026-000200');
    for (let page = 1; page <= pages; page++) {
      expect(placed.filter((item) => item.page === page && item.text === '故障描述')).toHaveLength(1);
      expect(placed.filter((item) => item.page === page && item.text === `第 ${page} 页`)).toHaveLength(1);
    }
    // The title is on the first page only.
    expect(placed.filter((item) => item.text === '客户报修记录').map((item) => item.page)).toEqual([1]);
  });

  /** Where a column's cells lie across the page: the table fills the width between the margins. */
  function columnBounds(key: string): { left: number; right: number } {
    const total = COLUMNS.reduce((sum, column) => sum + column.width, 0);
    const scale = (PAGE.width - 2 * PAGE.margin) / total;
    const index = COLUMNS.findIndex((column) => column.key === key);
    const before = COLUMNS.slice(0, index).reduce((sum, column) => sum + column.width, 0);
    const left = PAGE.margin + before * scale;
    return { left, right: left + COLUMNS[index]!.width * scale };
  }

  it('keeps long text inside its cell and a row taller than a page inside the page margins', async () => {
    const long = '冷凝器翅片严重积灰导致排气温度过高，清洗后复测正常。'.repeat(120);
    const rows = [sampleRow(1), { ...sampleRow(2), fault: long, customer: 'X'.repeat(300) }, sampleRow(3)];
    const { bytes } = await writeTable('pdf', rows);
    const { text, pages, placed } = await readPdf(bytes);
    expect(pages).toBeGreaterThan(2);
    expect(text.replace(/\s/g, '')).toContain('X'.repeat(300));
    const fault = columnBounds('fault');
    const faultLines = placed.filter((item) => item.text.includes('冷凝器'));
    expect(faultLines.length).toBeGreaterThan(60);
    for (const item of placed) {
      expect(item.x).toBeGreaterThanOrEqual(PAGE.margin);
      expect(item.x + item.width).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 0.5);
      // Body text sits between the top and bottom margins; only the page number is below.
      if (!/^第 \d+ 页$/.test(item.text)) {
        expect(item.y).toBeGreaterThan(PAGE.margin);
        expect(item.y).toBeLessThan(PAGE.height - PAGE.margin);
      }
    }
    for (const item of faultLines) {
      expect(item.x).toBeGreaterThanOrEqual(fault.left);
      expect(item.x + item.width).toBeLessThanOrEqual(fault.right + 0.5);
    }
    // The next row starts below the long one's last line (PDF y grows upwards).
    const next = placed.find((item) => item.text === 'RT-2026-000003')!;
    const lastLine = faultLines[faultLines.length - 1]!;
    expect(next.page).toBe(lastLine.page);
    expect(next.y).toBeLessThan(lastLine.y - 8);
  });

  it('lines amounts up on the right of their column', async () => {
    const { bytes } = await writeTable('pdf', ROWS.slice(0, 3));
    const { placed } = await readPdf(bytes);
    const amount = columnBounds('amount');
    for (const text of ['100.50', '200.50', '300.50']) {
      const item = placed.find((candidate) => candidate.text === text)!;
      expect(item.x + item.width).toBeCloseTo(amount.right - 3, 0);
    }
  });

  it('uses English headers and page labels for lang=en', async () => {
    const { bytes } = await writeTable('pdf', ROWS.slice(0, 3), 'en');
    const { text } = await readPdf(bytes);
    expect(text).toContain('Repair requests');
    expect(text).toContain('Parts replaced');
    expect(text).toContain('Page 1');
    expect(text).toContain('Yes');
    expect(text).not.toContain('第 1 页');
  });

  it('says so when the period has no records', async () => {
    const { bytes, rows } = await writeTable('pdf', []);
    expect(rows).toBe(0);
    expect((await readPdf(bytes)).text).toContain('本期间无记录');
  });
});

/** Whether the promise settles within `ms`; the timer is cleared either way. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(EXPORT_FORMATS)('%s writer backpressure', (format) => {
  it('stops taking rows while nobody reads the output, and completes once it is read', async () => {
    const output = new PassThrough();
    const writer = openTableWriter(format, table(), output);
    // Text that compresses badly, so that a compressed format fills the output as fast as the others.
    const noisyRow = (i: number) => ({
      ...sampleRow(i),
      fault: `${(i * 2654435761) % 4294967296}`.repeat(20),
    });
    let accepted = 0;
    let pending: Promise<void> | null = null;
    while (accepted < 20_000) {
      const write = writer.write(noisyRow(accepted + 1));
      if (!(await settlesWithin(write, 200))) {
        pending = write;
        break;
      }
      accepted += 1;
    }
    expect(pending).not.toBeNull();
    expect(accepted).toBeLessThan(5_000);

    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    await pending;
    expect((await writer.end()).rows).toBe(accepted + 1);
    expect(Buffer.concat(chunks).length).toBeGreaterThan(0);
  });
});
