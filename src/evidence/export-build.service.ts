import { PassThrough } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { FileStore } from '../attachments/file-store';
import { formatDateTime } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import type { Tx } from '../common/database/transaction';
import { describeError } from '../common/logging/describe-error';
import { consumeOnce } from '../common/outbox/consume-once';
import { evidenceType } from './domain/evidence-types';
import {
  PROGRESS_INTERVAL_MS,
  ZIP_CONTENT_TYPE,
  exportStorageKey,
  isPackParams,
  packFileName,
  progressPercent,
  registerFileName,
  registerSubtitle,
  type ExportFile,
  type PackExportParams,
  type RegisterExportParams,
} from './domain/export-jobs';
import type { ExportTable } from './domain/export-table';
import { type EvidenceSource, EvidenceSources } from './evidence-sources';
import { EXPORT_FILE_STORE } from './export-file-store';
import { ExportEntity } from './export.entity';
import { writeAuditPack } from './pack/audit-pack-builder';
import { EvidenceForms } from './pack/evidence-forms';
import { PackFileSets } from './pack/pack-file-sets';
import { writerFormatOf } from './writers/table-writer';
import { writeRegister } from './writers/write-register';

/** The consumer name under which export.build outbox rows are marked handled. */
const EXPORT_BUILD_CONSUMER = 'export-build';
/** A failure reason longer than this is cut; the log has the whole error. */
const ERROR_MAX_LENGTH = 2000;

/** The outbox row a build job came from, and the request that asked for it. */
export interface BuildDelivery {
  outboxId: string;
  requestId: string | null;
}

/** What became of a build: recorded done or failed, or overtaken by a newer attempt (nothing recorded). */
export type BuildOutcome = 'done' | 'failed' | 'superseded';

/** What a build writes: the file's name and type, and how to write it (returning its records). */
interface BuildJob {
  fileName: string;
  contentType: string;
  write(output: PassThrough, onProgress: (percent: number) => void): Promise<number>;
}

/** One claimed build: the row as it was claimed, and the attempt number that is this build's own. */
interface Claim {
  row: ExportEntity;
  attempt: number;
}

/**
 * Builds an export in the worker: claims the row, streams the register (the source's rows through the
 * writer) or the audit pack (a ZIP) into the file store, then records the file (or the failure) with
 * its audit entry.
 *
 * A failure is recorded on the row and not thrown back to Bull: a register that cannot be built now
 * (bad data, a source that breaks) would fail the same way on every automatic retry, so the export
 * waits as `failed`, with its reason, for a person to retry it (POST /exports/:id/retry). Only an
 * error while recording the outcome (the database gone) reaches Bull; its retries find the job
 * consumed and do nothing, and the export, left `running` without progress, becomes retryable by a
 * person after STALLED_AFTER_MS, like a build whose worker was killed.
 */
@Injectable()
export class ExportBuildService {
  private readonly logger = new Logger(ExportBuildService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: EvidenceSources,
    private readonly forms: EvidenceForms,
    private readonly fileSets: PackFileSets,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(EXPORT_FILE_STORE) private readonly store: FileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Builds the export once, however often its job is delivered: the outbox row is marked handled
   * with the claim, and only a queued export is claimed (done, running and failed ones are left alone).
   * Returns the outcome, or null when there was nothing to do.
   */
  async build(exportId: string, delivery: BuildDelivery): Promise<BuildOutcome | null> {
    let claim: Claim | null = null;
    await consumeOnce(this.dataSource, EXPORT_BUILD_CONSUMER, delivery.outboxId, async (tx) => {
      claim = await this.claim(tx, exportId);
    });
    if (!claim) return null;
    return this.run(claim, delivery.requestId);
  }

  /** queued → running, compare-and-set: of two builds racing for one export, one gets it. */
  private async claim(tx: Tx, exportId: string): Promise<Claim | null> {
    const now = this.clock.now();
    const result = await tx
      .createQueryBuilder()
      .update(ExportEntity)
      .set({
        status: 'running',
        percent: 0,
        attempts: () => 'attempts + 1',
        startedAt: now,
        finishedAt: null,
        progressAt: now,
      })
      .where('id = :id AND status = :queued', { id: exportId, queued: 'queued' })
      .returning(['attempts'])
      .execute();
    const claimed = (result.raw as { attempts: number }[])[0];
    if (!claimed) return null;
    const row = await tx.getRepository(ExportEntity).findOneByOrFail({ id: exportId });
    return { row, attempt: claimed.attempts };
  }

  private async run(claim: Claim, requestId: string | null): Promise<BuildOutcome> {
    const { row, attempt } = claim;
    const params = row.params;
    const progress = new ProgressReporter((percent) => this.reportProgress(row.id, attempt, percent));
    let storageKey: string | null = null;
    try {
      const job = isPackParams(params) ? this.packJob(row.id, params) : this.registerJob(params);
      storageKey = exportStorageKey(row.id, attempt, job.fileName);
      progress.start();
      const written = await this.writeToStore(storageKey, (output) =>
        job.write(output, (percent) => progress.set(percent)),
      );
      await progress.stop();
      const file: ExportFile = {
        path: job.fileName,
        contentType: job.contentType,
        bytes: written.sizeBytes,
        sha256: written.sha256,
        records: written.records,
      };
      if (await this.complete(row, attempt, storageKey, file, requestId)) return 'done';
      // Someone retried this build as dead while it ran; the newer attempt owns the export now.
      await this.discard(storageKey);
      return 'superseded';
    } catch (error) {
      await progress.stop();
      this.logger.error({ err: describeError(error), exportId: row.id, attempt }, 'Export build failed');
      if (storageKey) await this.discard(storageKey);
      await this.fail(row, attempt, error, requestId);
      return 'failed';
    }
  }

  /** A register: the rows of the period through the format's writer. */
  private registerJob(params: RegisterExportParams): BuildJob {
    const source = this.sources.find(params.evidence);
    if (!source) throw new Error(`No records source is registered for ${params.evidence}`);
    const format = writerFormatOf(params.format);
    const period = { from: params.from, to: params.to };
    return {
      fileName: registerFileName(params, format.extension),
      contentType: format.contentType,
      write: async (output, onProgress) => {
        const total = await source.count(period);
        return writeRegister(source, format.format, this.tableFor(params, source), period, output, (rows) =>
          onProgress(progressPercent(rows, total)),
        );
      },
    };
  }

  /** The audit pack: one ZIP of the period's evidence (see writeAuditPack); its records are its files. */
  private packJob(exportId: string, params: PackExportParams): BuildJob {
    return {
      fileName: packFileName(params),
      contentType: ZIP_CONTENT_TYPE,
      write: async (output, onProgress) => {
        const context = {
          sources: this.sources,
          forms: this.forms,
          fileSets: this.fileSets.all(),
          audit: this.audit,
          companyName: this.config.companyName,
          timeZone: this.config.companyTimeZone,
          generatedAt: this.clock.now(),
        };
        return (await writeAuditPack(exportId, params, context, output, onProgress)).files;
      },
    };
  }

  private tableFor(params: RegisterExportParams, source: EvidenceSource): ExportTable {
    const type = evidenceType(params.evidence);
    const timeZone = this.config.companyTimeZone;
    const generatedAt = formatDateTime(this.clock.now(), timeZone);
    return {
      title: params.lang === 'en' ? type.en : type.zh,
      subtitle: registerSubtitle(this.config.companyName, params, generatedAt, timeZone, params.lang),
      columns: source.columns,
      language: params.lang,
      timeZone,
    };
  }

  /**
   * What `write` writes to its output, streamed end to end into the store. On any error the stream is
   * torn down, and the store keeps nothing under the key.
   */
  private async writeToStore(
    storageKey: string,
    write: (output: PassThrough) => Promise<number>,
  ): Promise<{ sizeBytes: number; sha256: string; records: number }> {
    const output = new PassThrough();
    const stored = this.store.put(storageKey, output);
    // A store that fails first (a full disk) stops the writer, which would otherwise wait forever for
    // the output to drain, and is the reason reported. Noting it here also keeps the rejection handled.
    let storeFailure: unknown = null;
    stored.catch((error: unknown) => {
      storeFailure = error;
      output.destroy();
    });
    let records: number;
    try {
      records = await write(output);
    } catch (error) {
      const reason = storeFailure ?? error;
      // Destroyed without the error: the store may not be reading yet, and an 'error' event with no
      // listener would bring the process down. The store fails all the same and keeps nothing.
      output.destroy();
      await stored.catch(() => undefined);
      throw reason;
    }
    return { ...(await stored), records };
  }

  /** running → done for this attempt only, with the audit entry carrying the file's hash. */
  private async complete(
    row: ExportEntity,
    attempt: number,
    storageKey: string,
    file: ExportFile,
    requestId: string | null,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .update(ExportEntity)
        .set({
          status: 'done',
          percent: 100,
          files: [file],
          storageKey,
          finishedAt: this.clock.now(),
          progressAt: this.clock.now(),
        })
        .where('id = :id AND status = :running AND attempts = :attempt', {
          id: row.id,
          running: 'running',
          attempt,
        })
        .execute();
      if (result.affected !== 1) return false;
      await this.audit.append(tx, {
        actor: SYSTEM_ACTOR,
        action: 'export.completed',
        entityType: 'export',
        entityId: row.id,
        changes: { type: row.type, ...row.params, attempt, files: [file] },
        requestId,
      });
      return true;
    });
  }

  /** running → failed for this attempt, with the reason; the audit trail keeps the failure too. */
  private async fail(
    row: ExportEntity,
    attempt: number,
    error: unknown,
    requestId: string | null,
  ): Promise<void> {
    const reason =
      (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX_LENGTH) || 'unknown error';
    await this.dataSource.transaction(async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .update(ExportEntity)
        .set({ status: 'failed', error: reason, finishedAt: this.clock.now(), progressAt: this.clock.now() })
        .where('id = :id AND status = :running AND attempts = :attempt', {
          id: row.id,
          running: 'running',
          attempt,
        })
        .execute();
      if (result.affected !== 1) return;
      await this.audit.append(tx, {
        actor: SYSTEM_ACTOR,
        action: 'export.failed',
        entityType: 'export',
        entityId: row.id,
        changes: { type: row.type, ...row.params, attempt, error: reason },
        requestId,
      });
    });
  }

  private async reportProgress(exportId: string, attempt: number, percent: number): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ExportEntity)
      .set({ percent, progressAt: this.clock.now() })
      .where('id = :id AND status = :running AND attempts = :attempt', {
        id: exportId,
        running: 'running',
        attempt,
      })
      .execute();
  }

  /** Removes a file no done export refers to; a failure leaves an orphan file, logged and harmless. */
  private async discard(storageKey: string): Promise<void> {
    try {
      await this.store.remove(storageKey);
    } catch (error) {
      this.logger.error({ err: describeError(error), storageKey }, 'Could not remove an export file');
    }
  }
}

/**
 * Writes a build's percent every PROGRESS_INTERVAL_MS, on a timer rather than per row, so that the
 * writes stay few at any size and a build waiting on a slow query still shows it is alive.
 */
class ProgressReporter {
  private readonly logger = new Logger(ProgressReporter.name);
  private percent = 0;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> | null = null;

  constructor(private readonly write: (percent: number) => Promise<void>) {}

  start(): void {
    this.timer = setInterval(() => {
      // One write at a time: ticks while the database is slow are skipped, not piled up.
      this.pending ??= this.write(this.percent)
        .catch((error: unknown) =>
          this.logger.warn({ err: describeError(error) }, 'Could not record export progress'),
        )
        .finally(() => {
          this.pending = null;
        });
    }, PROGRESS_INTERVAL_MS);
    this.timer.unref();
  }

  set(percent: number): void {
    this.percent = percent;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pending;
  }
}
