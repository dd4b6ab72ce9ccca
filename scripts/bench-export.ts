/**
 * npm run bench:export [tickets] — whether a register export keeps memory flat and keeps up with
 * PostgreSQL at scale (issue 7 item 6). Builds a scratch database with that many tickets (default
 * 200000) reported over one year, with their customers, assets, technicians, work logs and history,
 * then exports the year's 报修登记 and 维修记录 registers through the real evidence sources and writers
 * (CSV, XLSX, PDF) into files under the temporary directory, and runs PostgreSQL's own
 * `COPY (same SELECT) TO STDOUT (FORMAT csv)` over the same rows for comparison. Each run happens in a
 * fresh child process that starts the application context as a worker does, so its peak RSS (the
 * process's high-water mark) is its own, not what earlier runs left behind; heap is sampled every 50 ms.
 * The scratch database and the files are removed afterwards.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditService } from '../src/audit/audit.service';
import { Client, escapeLiteral } from 'pg';
import { SelectQueryBuilder } from 'typeorm';
import { AppModule } from '../src/app.module';
import { loadConfigFromProcess } from '../src/common/config/load-config-from-process';
import { prepareDatabase } from '../src/common/database/prepare-database';
import { type EvidenceCode, evidenceType } from '../src/evidence/domain/evidence-types';
import { registerSubtitle } from '../src/evidence/domain/export-jobs';
import type { ExportPeriod } from '../src/evidence/domain/export-table';
import { type EvidenceSource, EvidenceSources } from '../src/evidence/evidence-sources';
import { EvidenceForms } from '../src/evidence/pack/evidence-forms';
import { PackFileSets } from '../src/evidence/pack/pack-file-sets';
import { writeAuditPack } from '../src/evidence/pack/audit-pack-builder';
import { type ExportFormat, openTableWriter } from '../src/evidence/writers/table-writer';
import { writeRegister } from '../src/evidence/writers/write-register';
import { benchDatabase, dropBenchDatabase, formatTable, runBench } from './bench/bench-run';
import { BENCH_YEAR, benchCounts, generateExportData } from './bench/export-data';

const REGISTERS: EvidenceCode[] = ['repair-requests', 'repair-records'];
const PERIOD: ExportPeriod = { from: `${BENCH_YEAR}-01-01`, to: `${BENCH_YEAR}-12-31` };
/** PDF pages cost far more per row than the other formats: beyond this many rows only the first are written. */
const PDF_ROW_LIMIT = 20_000;
const SAMPLE_MS = 50;
const TARGET_RSS_MB = 300;
const TARGET_COPY_RATIO = 2;
const MB = 1024 * 1024;
/**
 * How `npm start` runs node: V8 then keeps its heap near what is live rather than letting it grow to
 * about twice that between full collections (PDF writing churns through short-lived objects).
 */
const NODE_FLAGS = ['--optimize-for-size'];
/** Marks the script's own child processes, each doing one measured run. */
const CHILD_FLAG = '--child';

interface Measure {
  label: string;
  rows: number;
  seconds: number;
  bytes: number;
  /** Memory of the process that did the run; none for COPY. */
  memory?: Pick<ChildResult, 'startRssMb' | 'peakRssMb' | 'peakHeapMb'>;
  copySeconds?: number;
  note?: string;
}

/** One measured run, done in a child process of its own so that its peak memory is its alone. */
type ChildRun =
  | { kind: 'read'; databaseUrl: string; code: EvidenceCode }
  | {
      kind: 'export';
      databaseUrl: string;
      code: EvidenceCode;
      format: ExportFormat;
      file: string;
      /** Only the first rows (PDF); null for all of them, as the export jobs write it. */
      limit: number | null;
    }
  | { kind: 'pack'; databaseUrl: string; file: string };

interface ChildResult {
  rows: number;
  bytes: number;
  seconds: number;
  /** RSS once the application context is up, before the run: what every run starts from. */
  startRssMb: number;
  /** The process's high-water mark (getrusage), start-up included. */
  peakRssMb: number;
  peakHeapMb: number;
  /** For `read`: the rows of the period as the source counts them, and the SELECT its rows came from. */
  count?: number;
  countSeconds?: number;
  select?: string;
}

/** The highest heap seen while `work` runs, sampled on a timer (so between awaits). */
async function sampledHeap<T>(work: () => Promise<T>): Promise<{ result: T; heapMb: number }> {
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => (heap = Math.max(heap, process.memoryUsage().heapUsed)), SAMPLE_MS);
  try {
    const result = await work();
    return { result, heapMb: Math.max(heap, process.memoryUsage().heapUsed) / MB };
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
  limit: number | null,
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
  if (limit === null) {
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
    fileSets: app.get(PackFileSets).all(),
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

/** The child's side: start the application context as the worker does, do the one run, report it. */
async function runChild(run: ChildRun): Promise<ChildResult> {
  const config = {
    ...loadConfigFromProcess(),
    databaseUrl: run.databaseUrl,
    role: 'api' as const,
    logLevel: 'silent',
  };
  const captured = captureQueries();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const { companyName, companyTimeZone } = config;
    const startRssMb = process.memoryUsage().rss / MB;
    const sources = app.get(EvidenceSources);
    const sourceOf = (code: EvidenceCode) => {
      const source = sources.find(code);
      if (!source) throw new Error(`No evidence source for ${code}`);
      return source;
    };
    let extra: Pick<ChildResult, 'count' | 'countSeconds' | 'select'> = {};
    let work: () => Promise<{ rows: number; bytes: number }>;
    if (run.kind === 'read') {
      const source = sourceOf(run.code);
      const count = await timed(() => source.count(PERIOD));
      extra = { count: count.result, countSeconds: count.seconds };
      work = () => readRegister(source);
    } else if (run.kind === 'export') {
      const source = sourceOf(run.code);
      work = () => exportRegister(source, run.format, run.file, run.limit, companyName, companyTimeZone);
    } else {
      work = () => buildPack(app, run.file, companyName, companyTimeZone);
    }
    captured.length = 0;
    const done = await timed(() => sampledHeap(work));
    if (run.kind === 'read') extra.select = captured[0];
    return {
      ...done.result.result,
      seconds: done.seconds,
      startRssMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: done.result.heapMb,
      ...extra,
    };
  } finally {
    await app.close();
  }
}

/**
 * The application as `npm start` runs it: compiled to JavaScript (type checks are the build's job), so
 * that the children's memory is the worker's and not the TypeScript compiler's. Returns the path of
 * this script compiled.
 */
async function compileForChildren(directory: string): Promise<string> {
  const outDir = join(directory, 'build');
  await new Promise<void>((resolve, reject) => {
    const tsc = spawn(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', outDir, '--noCheck'],
      { stdio: 'inherit' },
    );
    tsc.on('error', reject);
    tsc.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tsc failed (${code})`))));
  });
  // The compiled code finds its packages (and the fonts in them) as the project does.
  await symlink(resolvePath('node_modules'), join(outDir, 'node_modules'), 'dir');
  return join(outDir, 'scripts', 'bench-export.js');
}

/** The parent's side: the run in a fresh process of the compiled application, started as `npm start` starts it. */
function inChild(script: string, run: ChildRun): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, script, CHILD_FLAG, JSON.stringify(run)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out) as ChildResult);
      else reject(new Error(`The ${run.kind} run failed (exit ${code})`));
    });
  });
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
  const header = [
    'run',
    'rows',
    'seconds',
    'rows/s',
    'MB out',
    'start RSS MB',
    'peak RSS MB',
    'peak heap MB',
    '÷ COPY',
  ];
  const lines = measures.map((m) => [
    m.label,
    String(m.rows),
    m.seconds.toFixed(2),
    m.seconds > 0 ? String(Math.round(m.rows / m.seconds)) : '-',
    (m.bytes / MB).toFixed(1),
    m.memory ? m.memory.startRssMb.toFixed(0) : '-',
    m.memory ? m.memory.peakRssMb.toFixed(0) : '-',
    m.memory ? m.memory.peakHeapMb.toFixed(0) : '-',
    m.copySeconds ? `${(m.seconds / m.copySeconds).toFixed(2)}×` : '-',
  ]);
  process.stdout.write(`\n${formatTable(header, lines)}\n`);
  for (const m of measures) if (m.note) process.stdout.write(`  ${m.label}: ${m.note}\n`);
}

function measured(label: string, result: ChildResult, extra: Partial<Measure> = {}): Measure {
  return {
    label,
    rows: result.rows,
    seconds: result.seconds,
    bytes: result.bytes,
    memory: result,
    ...extra,
  };
}

async function main(): Promise<void> {
  const base = loadConfigFromProcess();
  const args = process.argv.slice(2);
  const withPack = args.includes('--pack');
  const tickets = Number(args.find((arg) => !arg.startsWith('--')) ?? 200_000);
  if (!Number.isInteger(tickets) || tickets < 1) throw new Error('The ticket count must be a whole number');
  const name = `aftersales_bench_${randomBytes(4).toString('hex')}`;
  const { url: databaseUrl, maintenanceUrl } = benchDatabase(base.databaseUrl, name);
  const directory = await mkdtemp(join(tmpdir(), 'bench-export-'));
  const script = await compileForChildren(directory);
  await prepareDatabase(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts = benchCounts(tickets);
    const load = await timed(() => generateExportData(client, counts));
    process.stdout.write(
      `Generated in ${load.seconds.toFixed(1)} s: ${Object.entries(load.result)
        .map(([table, done]) => `${table} ${done.rows} (${done.seconds.toFixed(1)} s)`)
        .join(', ')}\n` +
        `Period ${PERIOD.from} to ${PERIOD.to}; each run in a fresh process (the compiled application ` +
        `context, as a worker starts); files in ${directory}\n`,
    );
    const measures: Measure[] = [];
    // Each run is also reported as it ends: the whole table only comes after the slow PDF runs.
    const record = (...done: Measure[]) => {
      measures.push(...done);
      for (const m of done)
        process.stdout.write(
          `  ${m.label}: ${m.rows} rows in ${m.seconds.toFixed(2)} s` +
            (m.memory ? `, peak RSS ${m.memory.peakRssMb.toFixed(0)} MB\n` : '\n'),
        );
    };
    for (const code of REGISTERS) {
      const read = await inChild(script, { kind: 'read', databaseUrl, code });
      process.stdout.write(
        `${code}: ${read.count} rows in the period (count ${read.countSeconds?.toFixed(2)} s)\n`,
      );
      // The SELECT the rows come from, for COPY to run as the yardstick.
      const select = read.select;
      if (!select) throw new Error(`The ${code} source ran no query that could be captured`);
      record(measured(`${code} rows only (no writer)`, read));

      const file = (format: string) => join(directory, `${code}.${format}`);
      const csv = await inChild(script, {
        kind: 'export',
        databaseUrl,
        code,
        format: 'csv',
        file: file('csv'),
        limit: null,
      });
      const psql = await timed(() => psqlCopy(databaseUrl, select, file('copy.csv')));
      const pg = await timed(() => pgCopy(client, select));
      const copyBytes = (await stat(file('copy.csv'))).size;
      record(
        measured(`${code} CSV`, csv, { copySeconds: psql.seconds }),
        {
          label: `${code} COPY (psql \\copy to file)`,
          rows: psql.result,
          seconds: psql.seconds,
          bytes: copyBytes,
        },
        { label: `${code} COPY (node-postgres, dropped)`, rows: pg.result, seconds: pg.seconds, bytes: 0 },
      );

      for (const format of ['xlsx', 'pdf'] as const) {
        const limit = format === 'pdf' && (read.count ?? 0) > PDF_ROW_LIMIT ? PDF_ROW_LIMIT : null;
        const run = await inChild(script, {
          kind: 'export',
          databaseUrl,
          code,
          format,
          file: file(format),
          limit,
        });
        record(
          measured(`${code} ${format.toUpperCase()}`, run, {
            note:
              limit === null
                ? undefined
                : `first ${limit} of ${read.count} rows only (PDF is paged, slow per row)`,
          }),
        );
      }
      await rm(file('copy.csv'));
    }
    if (withPack) {
      const pack = await inChild(script, {
        kind: 'pack',
        databaseUrl,
        file: join(directory, 'audit-pack.zip'),
      });
      record(
        measured('audit pack (ZIP: every register in XLSX and PDF, sampled forms)', pack, {
          note: 'rows: the records of every register in the pack',
        }),
      );
    }

    printTable(measures);
    const peak = Math.max(...measures.map((m) => m.memory?.peakRssMb ?? 0));
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
    await dropBenchDatabase(maintenanceUrl, name);
  }
}

const childRun = process.argv.indexOf(CHILD_FLAG);
runBench(() =>
  childRun === -1
    ? main()
    : runChild(JSON.parse(process.argv[childRun + 1]!) as ChildRun).then((result) => {
        process.stdout.write(JSON.stringify(result));
      }),
);
