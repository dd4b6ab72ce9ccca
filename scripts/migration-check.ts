/**
 * Fails when the entities and the migrations disagree: applies every migration to a scratch
 * database, then asks TypeORM what it would still change to match the entities.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { splitDatabaseUrl } from '../src/common/config/config';
import { loadConfigFromProcess } from '../src/common/config/load-config-from-process';
import { dataSourceOptions } from '../src/common/database/data-source-options';
import { prepareDatabase } from '../src/common/database/prepare-database';

async function main(): Promise<number> {
  const { maintenanceUrl } = splitDatabaseUrl(loadConfigFromProcess().databaseUrl);
  const scratch = `aftersales_drift_${randomBytes(4).toString('hex')}`;
  const scratchUrl = new URL(maintenanceUrl);
  scratchUrl.pathname = `/${scratch}`;
  try {
    await prepareDatabase(scratchUrl.toString());
    const dataSource = await new DataSource(dataSourceOptions(scratchUrl.toString())).initialize();
    try {
      const pending = (await dataSource.driver.createSchemaBuilder().log()).upQueries;
      if (pending.length === 0) {
        process.stdout.write('Migrations match the entities.\n');
        return 0;
      }
      process.stdout.write('The entities differ from the migrations; generate a migration for:\n');
      for (const query of pending) process.stdout.write(`  ${query.query}\n`);
      return 1;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    const client = new Client({ connectionString: maintenanceUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
