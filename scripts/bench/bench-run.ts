import { Client } from 'pg';
import { splitDatabaseUrl } from '../../src/common/config/config';

/** What every benchmark shares: its own scratch database, a table of figures, and how it ends. */

/** The URL of a scratch database beside the configured one, and the URL to drop it through. */
export function benchDatabase(databaseUrl: string, name: string): { url: string; maintenanceUrl: string } {
  const { maintenanceUrl } = splitDatabaseUrl(databaseUrl);
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), maintenanceUrl };
}

export async function dropBenchDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: maintenanceUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A plain-text table: the first column to the left, the figures to the right, under a rule. */
export function formatTable(header: readonly string[], lines: readonly string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join(
    '\n',
  );
}

/** Runs a benchmark's main; a failure is printed with its stack and ends the process with status 1. */
export function runBench(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
