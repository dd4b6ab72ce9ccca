import { Client } from 'pg';
import { prepareDatabase } from '../../src/common/database/prepare-database';
import { TEMPLATE_DATABASE, TEST_SERVER_URL, databaseUrl } from './test-env';

/** Builds the migrated template database that every test file clones its own database from. */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await prepareDatabase(`${TEST_SERVER_URL}/${TEMPLATE_DATABASE}`);
}
