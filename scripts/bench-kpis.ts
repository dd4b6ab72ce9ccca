/**
 * npm run bench:kpis [tickets] [--keep | --reuse=<database>] — whether the KPI report stays fast at a large company's volume
 * (issue 8 item 1). Builds a scratch database with that many tickets (default 1,000,000) reported over
 * one year, with the follow-ups, complaints, returned goods, surveys, staff, tools and outlet reviews
 * around them (scripts/bench/kpi-data.ts), then times the full KPI report through KpisService for the
 * year and for one month, for the whole company and for one outlet, and one page of the records behind a
 * figure. Each is run three times; the first run (cold cache) and the median are printed. The scratch
 * database is dropped afterwards unless `--keep` is given (then its name is printed); `--reuse=<name>`
 * times a kept database again without generating anything (and keeps it).
 */
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import type { AuthenticatedUser } from '../src/auth/authenticated-user';
import { loadConfigFromProcess } from '../src/common/config/load-config-from-process';
import { prepareDatabase } from '../src/common/database/prepare-database';
import type { ExportPeriod } from '../src/evidence/domain/export-table';
import { KpisService } from '../src/kpis/kpis.service';
import { BENCH_USER, BENCH_YEAR, benchCounts } from './bench/export-data';
import { benchDatabase, dropBenchDatabase, formatTable, runBench } from './bench/bench-run';
import { generateKpiData } from './bench/kpi-data';

const RUNS = 3;
const YEAR: ExportPeriod = { from: `${BENCH_YEAR}-01-01`, to: `${BENCH_YEAR}-12-31` };
const MONTH: ExportPeriod = { from: `${BENCH_YEAR}-06-01`, to: `${BENCH_YEAR}-06-30` };
/** The first generated outlet (scripts/bench/export-data.ts ids are md5 of the row's number). */
const OUTLET_SQL = `SELECT md5('outlet-' || 1)::uuid AS id`;

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main(): Promise<void> {
  const base = loadConfigFromProcess();
  const args = process.argv.slice(2);
  const reuse = args.find((arg) => arg.startsWith('--reuse='))?.slice('--reuse='.length);
  const keep = reuse !== undefined || args.includes('--keep');
  const tickets = Number(args.find((arg) => !arg.startsWith('--')) ?? 1_000_000);
  if (!Number.isInteger(tickets) || tickets < 1) throw new Error('The ticket count must be a whole number');
  if (reuse !== undefined && !/^aftersales_bench_kpis_[a-z0-9_]+$/.test(reuse)) {
    throw new Error('--reuse names a database this benchmark kept (aftersales_bench_kpis_…)');
  }
  const name = reuse ?? `aftersales_bench_kpis_${randomBytes(3).toString('hex')}`;
  const { url, maintenanceUrl } = benchDatabase(base.databaseUrl, name);
  const config = { ...base, databaseUrl: url, role: 'api' as const, logLevel: 'silent' };
  await prepareDatabase(config.databaseUrl);
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    if (reuse === undefined) {
      const started = Date.now();
      const load = await generateKpiData(client, benchCounts(tickets));
      process.stdout.write(
        `Generated ${tickets} tickets and their surroundings in ${((Date.now() - started) / 1000).toFixed(0)} s:\n` +
          Object.entries(load)
            .map(([table, done]) => `  ${table}: ${done.rows} rows, ${done.seconds.toFixed(1)} s`)
            .join('\n') +
          '\n',
      );
    }
    const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM tickets');
    const ticketCount = Number(count.rows[0]!.n);
    const outletId = (await client.query<{ id: string }>(OUTLET_SQL)).rows[0]!.id;
    const viewer: AuthenticatedUser = {
      id: BENCH_USER,
      username: 'bench',
      roles: ['manager'],
      outletId: null,
    };

    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
    try {
      const kpis = app.get(KpisService);
      const cases: { label: string; run: () => Promise<unknown> }[] = [
        { label: 'report, year, whole company', run: () => kpis.report(YEAR, null, viewer) },
        { label: 'report, year, one outlet', run: () => kpis.report(YEAR, outletId, viewer) },
        { label: 'report, month, whole company', run: () => kpis.report(MONTH, null, viewer) },
        { label: 'report, month, one outlet', run: () => kpis.report(MONTH, outletId, viewer) },
        {
          label: 'records, year: response-compliance missed, page 1',
          run: () =>
            kpis.records('response-compliance', YEAR, null, { page: 1, pageSize: 50, met: false }, viewer),
        },
        {
          label: 'records, year: repeat-repair-30d, page 1',
          run: () => kpis.records('repeat-repair-30d', YEAR, null, { page: 1, pageSize: 50 }, viewer),
        },
      ];
      const lines: string[][] = [];
      for (const { label, run } of cases) {
        const times: number[] = [];
        for (let index = 0; index < RUNS; index += 1) times.push(await seconds(run));
        const sorted = [...times].sort((a, b) => a - b);
        lines.push([label, times[0]!.toFixed(2), sorted[Math.floor(RUNS / 2)]!.toFixed(2)]);
        process.stdout.write(`  ${label}: ${times.map((time) => time.toFixed(2)).join(' / ')} s\n`);
      }
      const year = await kpis.report(YEAR, null, viewer);
      process.stdout.write(
        `\nYear ${YEAR.from} to ${YEAR.to}, ${ticketCount} tickets (${config.companyTimeZone}):\n` +
          year.kpis
            .map((kpi) => `  ${kpi.code}: ${kpi.numerator} / ${kpi.denominator ?? '-'} = ${kpi.value ?? '-'}`)
            .join('\n') +
          '\n',
      );
      const header = ['run', 'first s', `median of ${RUNS} s`];
      process.stdout.write(`\n${formatTable(header, lines)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await client.end();
    if (keep) {
      process.stdout.write(`Kept the database ${name}\n`);
    } else {
      await dropBenchDatabase(maintenanceUrl, name);
    }
  }
}

runBench(main);
