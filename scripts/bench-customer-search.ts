/**
 * npm run bench:customer-search — how fast the hotline's customer search answers on a large list.
 * Builds a scratch database with that many customers (first argument, default 300000), runs typical searches
 * through CustomersService.list (the same query the API runs, count included) and prints the median
 * of five runs for each. The scratch database is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { loadConfigFromProcess } from '../src/common/config/load-config-from-process';
import { benchDatabase, dropBenchDatabase, runBench } from './bench/bench-run';
import { prepareDatabase } from '../src/common/database/prepare-database';
import { ListCustomersQueryDto } from '../src/customers/dto/customer.dto';
import { CustomersService } from '../src/customers/customers.service';

const SEARCHES: [string, string][] = [
  ['full phone number', '13900123456'],
  ['last six digits of a phone', '123456'],
  ['company name fragment', '精密机械'],
  ['person name (2 characters: below trigram length)', '王芳'],
  ['customer code', 'BK0123456'],
  ['contact phone', '13700123456'],
  ['no match', '不存在的客户'],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const base = loadConfigFromProcess();
  const count = Number(process.argv[2] ?? 300_000);
  if (!Number.isInteger(count) || count < 1) throw new Error('The customer count must be a whole number');
  const name = `aftersales_bench_${randomBytes(4).toString('hex')}`;
  const { url, maintenanceUrl } = benchDatabase(base.databaseUrl, name);
  const config = { ...base, databaseUrl: url, role: 'api' as const, logLevel: 'silent' };
  await prepareDatabase(config.databaseUrl);
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query(
      `INSERT INTO customers (code, kind, name, phone, contacts, region, zone)
       SELECT 'BK' || lpad(g::text, 7, '0'),
              CASE WHEN g % 5 = 0 THEN 'company' ELSE 'person' END,
              CASE WHEN g % 5 = 0 THEN '上海' || g || '号精密机械有限公司' ELSE (ARRAY['王','李','张','刘','陈'])[g % 5 + 1] || (ARRAY['芳','伟','娜','强','敏'])[g % 3 + 1] || g END,
              '139' || lpad(g::text, 8, '0'),
              jsonb_build_array(jsonb_build_object('name', '联系人' || g, 'phone', '137' || lpad(g::text, 8, '0'), 'role', '采购')),
              '上海市/浦东新区', 'urban'
         FROM generate_series(1, $1::int) AS g`,
      [count],
    );
    await client.query('ANALYZE customers');
    process.stdout.write(`${count} customers loaded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
    try {
      const customers = app.get(CustomersService);
      const viewer = {
        id: '00000000-0000-0000-0000-000000000000',
        username: 'bench',
        roles: ['agent' as const],
        outletId: null,
      };
      process.stdout.write('search                                              median ms   matches\n');
      for (const [label, text] of SEARCHES) {
        const query = Object.assign(new ListCustomersQueryDto(), { q: text, page: 1, pageSize: 50 });
        const times: number[] = [];
        let total = 0;
        for (let run = 0; run < 5; run += 1) {
          const start = process.hrtime.bigint();
          total = (await customers.list(query, viewer)).total;
          times.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        process.stdout.write(`${label.padEnd(50)} ${median(times).toFixed(1).padStart(9)}   ${total}\n`);
      }
    } finally {
      await app.close();
    }
  } finally {
    await client.end();
    await dropBenchDatabase(maintenanceUrl, name);
  }
}

runBench(main);
