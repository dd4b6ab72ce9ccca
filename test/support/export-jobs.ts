import { createHash } from 'node:crypto';
import * as yauzl from 'yauzl';
import type { OutboxEventEntity } from '../../src/common/outbox/outbox-event.entity';
import { type ExportBuildPayload, ExportsProcessor } from '../../src/evidence/jobs/exports.processor';
import type { TestApp } from './test-app';
import { jobFor, outboxRowsWhere } from './ticket-jobs';

/** An export's build rows in the outbox, oldest first (a retry adds one). */
export function exportBuildRows(t: TestApp, exportId: string): Promise<OutboxEventEntity[]> {
  return outboxRowsWhere(t, 'export.build', 'exportId', exportId);
}

/** Runs the build job the relay makes of the row, as the worker does; returns the export's outcome. */
export function runExportBuild(t: TestApp, row: OutboxEventEntity) {
  return t.app.get(ExportsProcessor).build(jobFor<ExportBuildPayload>(row));
}

/** Builds a newly requested export: its one build row run as the worker would. */
export async function buildExport(t: TestApp, exportId: string) {
  const [row] = await exportBuildRows(t, exportId);
  if (!row) throw new Error(`export ${exportId} has no build job`);
  return runExportBuild(t, row);
}

/** Every file of a ZIP by its path. */
export function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
