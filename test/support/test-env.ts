/** Where the tests find PostgreSQL and Redis; the same defaults as the application. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Overridable so that two test runs on one server do not rebuild each other's template. */
export const TEMPLATE_DATABASE = process.env.TEST_TEMPLATE_DATABASE ?? 'aftersales_test_template';

export function databaseUrl(database: string): string {
  return `${TEST_SERVER_URL}/${database}`;
}
