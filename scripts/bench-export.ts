/**
 * npm run bench:export [tickets] — whether a register export keeps memory flat and keeps up with
 * PostgreSQL at scale (issue 7 item 6). Builds a scratch database with that many tickets (default
 * 200000) reported over one year, with their customers, assets, technicians, work logs and history,
 * then exports the year's 报修登记 and 维修记录 registers through the real evidence sources and writers
 * (CSV, XLSX, PDF) into files under the temporary directory, and runs PostgreSQL's own
 * `COPY (same SELECT) TO STDOUT (FORMAT csv)` over the same rows for comparison. Peak RSS and heap are
 * sampled every 50 ms during each run. The scratch database and the files are removed afterwards.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditService } from '../src/audit/audit.service';
import { Client, escapeLiteral } from 'pg';
import { SelectQueryBuilder } from 'typeorm';
import { AppModule } from '../src/app.module';
import { splitDatabaseUrl } from '../src/common/config/config';
import { loadConfigFromProcess } from '../src/common/config/load-config-from-process';
import { prepareDatabase } from '../src/common/database/prepare-database';
import { type EvidenceCode, evidenceType } from '../src/evidence/domain/evidence-types';
import { registerSubtitle } from '../src/evidence/domain/export-jobs';
import type { ExportPeriod } from '../src/evidence/domain/export-table';
import { type EvidenceSource, EvidenceSources } from '../src/evidence/evidence-sources';
import { EvidenceForms } from '../src/evidence/pack/evidence-forms';
import { writeAuditPack } from '../src/evidence/pack/audit-pack-builder';
import { type ExportFormat, openTableWriter } from '../src/evidence/writers/table-writer';
import { writeRegister } from '../src/evidence/writers/write-register';
import { BENCH_YEAR, benchCounts, generateExportData } from './bench/export-data';

const REGISTERS: EvidenceCode[] = ['repair-requests', 'repair-records'];
const PERIOD: ExportPeriod = { from: `${BENCH_YEAR}-01-01`, to: `${BENCH_YEAR}-12-31` };
/** PDF pages cost far more per row than the other formats: beyond this many rows only the first are written. */
const PDF_ROW_LIMIT = 20_000;
const SAMPLE_MS = 50;
const TARGET_RSS_MB = 300;
const TARGET_COPY_RATIO = 2;
const MB = 1024 * 1024;

interface Measure {
  label: string;
  rows: number;
  seconds: number;
  bytes: number;
  peakRssMb: number | null;
  peakHeapMb: number | null;
  copySeconds?: number;
  note?: string;
}

/**
 * A full collection before each run, so that its peak is not inflated by the garbage of the one before.
 * The npm script runs ts-node without --expose-gc, so the flag is set at run time.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The highest RSS and heap seen while `work` runs, sampled on a timer (so between awaits). */
async function sampled<T>(work: () => Promise<T>): Promise<{ result: T; rssMb: number; heapMb: number }> {
  collectGarbage();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  try {
    const result = await work();
    sample();
    return { result, rssMb: rss / MB, heapMb: heap / MB };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The SELECT a source streams, exactly as it runs: caught as the cursor opens, with its parameters
 * (period dates and time zone, all text) written in, since COPY takes no parameters.
 */
function captureQueries(): string[] {
  const captured: string[] = [];
  const prototype = SelectQueryBuilder.prototype as { stream: (...args: unknown[]) => unknown };
  const stream = prototype.stream;
  prototype.stream = function (this: SelectQueryBuilder<object>, ...args: unknown[]) {
    const [sql, parameters] = this.getQueryAndParameters();
    captured.push(
      sql.replace(/\$(\d+)/g, (_, index: string) => escapeLiteral(String(parameters[Number(index) - 1]))),
    );
    return stream.apply(this, args);
  };
  return captured;
}

/** The rows alone, read and dropped: what the source and the driver cost without a writer. */
async function readRegister(source: EvidenceSource): Promise<{ rows: number; bytes: number }> {
  let rows = 0;
  for await (const row of source.rows(PERIOD)) if (row) rows += 1;
  return { rows, bytes: 0 };
}

async function exportRegister(
  source: EvidenceSource,
  format: ExportFormat,
  file: string,
  limit: number,
  companyName: string,
  timeZone: string,
): Promise<{ rows: number; bytes: number }> {
  const type = evidenceType(source.code);
  const table = {
    title: type.zh,
    subtitle: registerSubtitle(companyName, PERIOD, new Date().toISOString(), timeZone, 'zh'),
    columns: source.columns,
    language: 'zh' as const,
    timeZone,
  };
  const output = createWriteStream(file);
  if (limit === Infinity) {
    // As the export jobs write it (a CSV that PostgreSQL can format comes straight from COPY).
    const rows = await writeRegister(source, format, table, PERIOD, output);
    return { rows, bytes: (await stat(file)).size };
  }
  const writer = openTableWriter(format, table, output);
  let rows = 0;
  for await (const row of source.rows(PERIOD)) {
    if (rows >= limit) break;
    await writer.write(row);
    rows += 1;
  }
  const written = await writer.end();
  return { rows: written.rows, bytes: (await stat(file)).size };
}

/** The whole audit pack of the period, built as the export job builds it, into a file. */
async function buildPack(
  app: INestApplicationContext,
  file: string,
  companyName: string,
  timeZone: string,
): Promise<{ rows: number; bytes: number }> {
  const context = {
    sources: app.get(EvidenceSources),
    forms: app.get(EvidenceForms),
    audit: app.get(AuditService),
    companyName,
    timeZone,
    generatedAt: new Date(),
  };
  const params = { ...PERIOD, lang: 'zh' as const, sampleSize: 4, seed: 'bench' };
  await writeAuditPack(
    `bench-${randomBytes(4).toString('hex')}`,
    params,
    context,
    createWriteStream(file),
    () => undefined,
  );
  let rows = 0;
  for (const code of context.sources.codes()) rows += await context.sources.find(code)!.count(PERIOD);
  return { rows, bytes: (await stat(file)).size };
}

/**
 * COPY through psql's `\copy`: the server formats the CSV, the C client writes it to a file on the
 * same disk as the exports. psql reports the row count as `COPY n`.
 */
function psqlCopy(databaseUrl: string, select: string, file: string): Promise<number> {
  const command = `\\copy (${select.replace(/\s+/g, ' ')}) to '${file}' with (format csv, header)`;
  return new Promise((resolve, reject) => {
    const child = spawn('psql', ['-X', '-v', 'ON_ERROR_STOP=1', '-d', databaseUrl, '-c', command], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const copied = /COPY (\d+)/.exec(out);
      if (code === 0 && copied) resolve(Number(copied[1]));
      else reject(new Error(`psql \\copy failed (${code}): ${err || out}`));
    });
  });
}

/** COPY … TO STDOUT over node-postgres: it reads the CopyData messages and drops them, counting the rows. */
async function pgCopy(client: Client, select: string): Promise<number> {
  const result = await client.query(`COPY (${select}) TO STDOUT (FORMAT csv, HEADER)`);
  return result.rowCount ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function printTable(measures: Measure[]): void {
  const header = ['run', 'rows', 'seconds', 'rows/s', 'MB out', 'peak RSS MB', 'peak heap MB', '÷ COPY'];
  const lines = measures.map((m) => [
    m.label,
    String(m.rows),
    m.seconds.toFixed(2),
    m.seconds > 0 ? String(Math.round(m.rows / m.seconds)) : '-',
    (m.bytes / MB).toFixed(1),
    m.peakRssMb === null ? '-' : m.peakRssMb.toFixed(0),
    m.peakHeapMb === null ? '-' : m.peakHeapMb.toFixed(0),
    m.copySeconds ? `${(m.seconds / m.copySeconds).toFixed(2)}×` : '-',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!)))
      .join('  ');
  process.stdout.write(`\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
  for (const m of measures) if (m.note) process.stdout.write(`  ${m.label}: ${m.note}\n`);
}

async function main(): Promise<void> {
  const base = loadConfigFromProcess();
  const args = process.argv.slice(2);
  const withPack = args.includes('--pack');
  const tickets = Number(args.find((arg) => !arg.startsWith('--')) ?? 200_000);
  if (!Number.isInteger(tickets) || tickets < 1) throw new Error('The ticket count must be a whole number');
  const { maintenanceUrl } = splitDatabaseUrl(base.databaseUrl);
  const name = `aftersales_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  const config = { ...base, databaseUrl: url.toString(), role: 'api' as const, logLevel: 'silent' };
  const directory = await mkdtemp(join(tmpdir(), 'bench-export-'));
  await prepareDatabase(config.databaseUrl);
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    const counts = benchCounts(tickets);
    const load = await timed(() => generateExportData(client, counts));
    process.stdout.write(
      `Generated in ${load.seconds.toFixed(1)} s: ${Object.entries(load.result)
        .map(([table, done]) => `${table} ${done.rows} (${done.seconds.toFixed(1)} s)`)
        .join(', ')}\n`,
    );

    const captured = captureQueries();
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
    const measures: Measure[] = [];
    // Each run is also reported as it ends: the whole table only comes after the slow PDF runs.
    const record = (...done: Measure[]) => {
      measures.push(...done);
      for (const m of done)
        process.stdout.write(`  ${m.label}: ${m.rows} rows in ${m.seconds.toFixed(2)} s\n`);
    };
    try {
      const sources = app.get(EvidenceSources);
      const { companyName, companyTimeZone } = config;
      collectGarbage();
      process.stdout.write(
        `Period ${PERIOD.from} to ${PERIOD.to} (${companyTimeZone}); after start-up (ts-node + Nest context): ` +
          `RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / MB).toFixed(0)} MB; ` +
          `files in ${directory}\n`,
      );
      for (const code of REGISTERS) {
        const source = sources.find(code);
        if (!source) throw new Error(`No evidence source for ${code}`);
        const count = await timed(() => source.count(PERIOD));
        process.stdout.write(
          `${code}: ${count.result} rows in the period (count ${count.seconds.toFixed(2)} s)\n`,
        );

        captured.length = 0;
        const read = await timed(() => sampled(() => readRegister(source)));
        // The SELECT the rows come from, for COPY to run as the yardstick.
        const select = captured[0];
        if (!select) throw new Error(`The ${code} source ran no query that could be captured`);
        record({
          label: `${code} rows only (no writer)`,
          rows: read.result.result.rows,
          seconds: read.seconds,
          bytes: 0,
          peakRssMb: read.result.rssMb,
          peakHeapMb: read.result.heapMb,
        });
        const csv = await timed(() =>
          sampled(() =>
            exportRegister(
              source,
              'csv',
              join(directory, `${code}.csv`),
              Infinity,
              companyName,
              companyTimeZone,
            ),
          ),
        );
        const psql = await timed(() =>
          psqlCopy(config.databaseUrl, select, join(directory, `${code}.copy.csv`)),
        );
        const pg = await timed(() => pgCopy(client, select));
        const copyBytes = (await stat(join(directory, `${code}.copy.csv`))).size;
        record(
          {
            label: `${code} CSV`,
            rows: csv.result.result.rows,
            seconds: csv.seconds,
            bytes: csv.result.result.bytes,
            peakRssMb: csv.result.rssMb,
            peakHeapMb: csv.result.heapMb,
            copySeconds: psql.seconds,
          },
          {
            label: `${code} COPY (psql \\copy to file)`,
            rows: psql.result,
            seconds: psql.seconds,
            bytes: copyBytes,
            peakRssMb: null,
            peakHeapMb: null,
          },
          {
            label: `${code} COPY (node-postgres, dropped)`,
            rows: pg.result,
            seconds: pg.seconds,
            bytes: 0,
            peakRssMb: null,
            peakHeapMb: null,
          },
        );

        for (const format of ['xlsx', 'pdf'] as const) {
          const limit = format === 'pdf' ? PDF_ROW_LIMIT : Infinity;
          const run = await timed(() =>
            sampled(() =>
              exportRegister(
                source,
                format,
                join(directory, `${code}.${format}`),
                limit,
                companyName,
                companyTimeZone,
              ),
            ),
          );
          record({
            label: `${code} ${format.toUpperCase()}`,
            rows: run.result.result.rows,
            seconds: run.seconds,
            bytes: run.result.result.bytes,
            peakRssMb: run.result.rssMb,
            peakHeapMb: run.result.heapMb,
            note:
              count.result > limit
                ? `first ${limit} of ${count.result} rows only (PDF is paged, slow per row)`
                : undefined,
          });
        }
        await rm(join(directory, `${code}.copy.csv`));
      }
      if (withPack) {
        const pack = await timed(() =>
          sampled(() => buildPack(app, join(directory, 'audit-pack.zip'), companyName, companyTimeZone)),
        );
        record({
          label: 'audit pack (ZIP: every register in XLSX and PDF, sampled forms)',
          rows: pack.result.result.rows,
          seconds: pack.seconds,
          bytes: pack.result.result.bytes,
          peakRssMb: pack.result.rssMb,
          peakHeapMb: pack.result.heapMb,
          note: 'rows: the records of every register in the pack',
        });
      }
    } finally {
      await app.close();
    }

    printTable(measures);
    const peak = Math.max(...measures.map((m) => m.peakRssMb ?? 0));
    const ratio = Math.max(...measures.filter((m) => m.copySeconds).map((m) => m.seconds / m.copySeconds!));
    process.stdout.write(
      `\nTargets (issue 7 item 6, at 200,000 tickets): peak RSS < ${TARGET_RSS_MB} MB — ` +
        `${peak.toFixed(0)} MB ${peak < TARGET_RSS_MB ? 'met' : 'MISSED'}; CSV within ${TARGET_COPY_RATIO}× of COPY — ` +
        `${ratio.toFixed(2)}× ${ratio <= TARGET_COPY_RATIO ? 'met' : 'MISSED'}` +
        `${tickets === 200_000 ? '' : ` (this run: ${tickets} tickets)`}\n` +
        (withPack
          ? ''
          : 'Audit pack: not built in this run (add --pack; it writes every register as PDF too).\n'),
    );
  } finally {
    await client.end();
    await rm(directory, { recursive: true, force: true });
    const admin = new Client({ connectionString: maintenanceUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
