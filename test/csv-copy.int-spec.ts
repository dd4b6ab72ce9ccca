import { PassThrough } from 'node:stream';
import type { Language } from '../src/common/errors/error-messages';
import { calendarDate } from '../src/common/calendar';
import { evidenceType } from '../src/evidence/domain/evidence-types';
import type { ExportPeriod, ExportTable } from '../src/evidence/domain/export-table';
import { type EvidenceSource, EvidenceSources } from '../src/evidence/evidence-sources';
import { openTableWriter } from '../src/evidence/writers/table-writer';
import { writeRegister } from '../src/evidence/writers/write-register';
import { createTicketDesk, reportTicket } from './factories/tickets';
import { type TestApp, createTestApp } from './support/test-app';

/**
 * A CSV register straight from PostgreSQL's COPY must be the very file the row-by-row writer makes:
 * same words for codes, same times in the company zone, same quoting and line ends, same guard
 * against spreadsheet formulas.
 */

async function collect(write: (output: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(output);
  return Buffer.concat(chunks);
}

function tableOf(source: EvidenceSource, language: Language): ExportTable {
  return {
    title: evidenceType(source.code).zh,
    subtitle: '',
    columns: source.columns,
    language,
    timeZone: 'Asia/Shanghai',
  };
}

async function rowByRow(source: EvidenceSource, table: ExportTable, period: ExportPeriod): Promise<Buffer> {
  return collect(async (output) => {
    const writer = openTableWriter('csv', table, output);
    for await (const row of source.rows(period)) await writer.write(row);
    await writer.end();
  });
}

describe('CSV registers through COPY', () => {
  let t: TestApp;
  let period: ExportPeriod;

  beforeAll(async () => {
    t = await createTestApp();
    const desk = await createTicketDesk(t);
    const faults = [
      '=HYPERLINK("http://example.com")',
      '外机异响, 夜间 "咔咔" 声',
      '第一行\n第二行',
      '-1 度也不制热',
      '普通故障',
    ];
    for (const [index, fault] of faults.entries()) {
      await reportTicket(t, desk.agent.token, {
        fault,
        channel: index % 2 === 0 ? 'phone' : 'walk_in',
        priority: index === 0 ? 'urgent' : 'normal',
      });
    }
    const today = calendarDate(t.clock.now(), 'Asia/Shanghai');
    period = { from: today, to: today };
  });
  afterAll(() => t.close());

  it('the repair requests can be copied', () => {
    const source = t.app.get(EvidenceSources).find('repair-requests');
    expect(source?.copyCsv?.(period, 'zh')).toBeDefined();
  });

  it.each<Language>(['zh', 'en'])(
    'writes every copyable register exactly as row by row (%s)',
    async (language) => {
      const sources = t.app.get(EvidenceSources);
      const copyable = sources
        .codes()
        .map((code) => sources.find(code)!)
        .filter((source) => source.copyCsv?.(period, language) !== undefined);
      expect(copyable.map((source) => source.code)).toContain('repair-requests');
      for (const source of copyable) {
        const table = tableOf(source, language);
        const expected = await rowByRow(source, table, period);
        let rows = 0;
        const copied = await collect(async (output) => {
          rows = await writeRegister(source, 'csv', table, period, output);
        });
        expect({ code: source.code, csv: copied.toString('utf8') }).toEqual({
          code: source.code,
          csv: expected.toString('utf8'),
        });
        expect(rows).toBe(await source.count(period));
      }
    },
  );

  it('keeps the awkward text of a record intact', async () => {
    const source = t.app.get(EvidenceSources).find('repair-requests')!;
    const csv = (
      await collect((output) => writeRegister(source, 'csv', tableOf(source, 'zh'), period, output))
    ).toString('utf8');
    expect(csv.startsWith('\uFEFF工单号,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://example.com"")"`);
    expect(csv).toContain('"外机异响, 夜间 ""咔咔"" 声"');
    expect(csv).toContain('"第一行\n第二行"');
    expect(csv).toContain("'-1 度也不制热");
    expect(csv).toContain('电话');
    expect(csv.split('\r\n')).toHaveLength(1 + 5 + 1);
  });
});
