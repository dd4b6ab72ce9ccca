import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { AuditService, auditActor } from '../audit/audit.service';
import { FileStore } from '../attachments/file-store';
import { Clock } from '../common/clock';
import { inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { assertDateOrder, invalidFields } from '../common/errors/validation-errors';
import { Page, PageQuery, fetchPage } from '../common/http/pagination';
import { OutboxService } from '../common/outbox/outbox.service';
import { DEFAULT_SAMPLE_SIZE } from './domain/evidence-types';
import {
  EXPORT_STATUS_NAMES,
  isRetryable,
  type ExportFile,
  type ExportParams,
  type PackExportParams,
  type RegisterExportParams,
} from './domain/export-jobs';
import type { CreateExportDto } from './dto/export-request.dto';
import { EvidenceSources } from './evidence-sources';
import { EXPORT_FILE_STORE } from './export-file-store';
import { ExportEntity } from './export.entity';

export interface ExportDownload {
  file: ExportFile;
  content: Readable;
}

/**
 * Export requests as people make them: ask, watch, retry, download. The build itself runs in the
 * worker (ExportBuildService); a request only records the row and queues its job through the outbox.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: EvidenceSources,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(EXPORT_FILE_STORE) private readonly store: FileStore,
  ) {}

  /** Records the request and queues its build, with the audit entry, in one transaction. */
  async request(dto: CreateExportDto, context: RequestContext): Promise<ExportEntity> {
    const params: ExportParams = dto.type === 'pack' ? this.packParams(dto) : this.registerParams(dto);
    const id = await inTransaction(this.dataSource, async (tx) => {
      const repository = tx.getRepository(ExportEntity);
      const saved = await repository.save(
        repository.create({ type: dto.type, params, status: 'queued', requestedBy: context.user.id }),
      );
      await this.outbox.add(tx, 'export.build', { exportId: saved.id }, { requestId: context.requestId });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'export.requested',
        entityType: 'export',
        entityId: saved.id,
        changes: { type: saved.type, ...params },
        requestId: context.requestId,
      });
      return saved.id;
    });
    return this.get(id);
  }

  /** Every export, newest first: exports are company evidence, not the requester's own. */
  list(page: PageQuery): Promise<Page<ExportEntity>> {
    const query = this.dataSource
      .getRepository(ExportEntity)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.requester', 'requester')
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'ASC');
    return fetchPage(query, page);
  }

  async get(id: string): Promise<ExportEntity> {
    const row = await this.dataSource
      .getRepository(ExportEntity)
      .findOne({ where: { id }, relations: { requester: true } });
    if (!row) throw new NotFoundError('export', id);
    return row;
  }

  /**
   * Sends a failed export (or one whose build died: no progress for STALLED_AFTER_MS) back to the
   * queue with the same parameters. Anything else is 409: a live build or a done file stays as it is.
   */
  async retry(id: string, context: RequestContext): Promise<ExportEntity> {
    await inTransaction(this.dataSource, async (tx) => {
      const row = await tx
        .getRepository(ExportEntity)
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.id = :id', { id })
        .getOne();
      if (!row) throw new NotFoundError('export', id);
      if (!isRetryable(row.status, row.progressAt, this.clock.now())) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `retry is not allowed on an export that is ${row.status}; only a failed (or stalled) build can be retried`,
          { action: 'retry', status: row.status, allowedFrom: ['failed'] },
          `只有失败或已中断的导出可以重试（当前状态：${EXPORT_STATUS_NAMES[row.status]}）`,
        );
      }
      await tx.getRepository(ExportEntity).update(
        { id },
        {
          status: 'queued',
          percent: 0,
          error: null,
          files: [],
          storageKey: null,
          startedAt: null,
          finishedAt: null,
          progressAt: null,
        },
      );
      await this.outbox.add(tx, 'export.build', { exportId: id }, { requestId: context.requestId });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'export.retried',
        entityType: 'export',
        entityId: id,
        changes: { previousStatus: row.status, previousError: row.error, attempts: row.attempts },
        requestId: context.requestId,
      });
    });
    return this.get(id);
  }

  /** The finished file, opened before the download is logged, so a missing file logs nothing. */
  async download(id: string, context: RequestContext): Promise<ExportDownload> {
    const row = await this.get(id);
    const file = row.files[0];
    if (row.status !== 'done' || !row.storageKey || !file) {
      throw new DomainError(
        'CONFLICT',
        `Export ${id} is ${row.status}; only a done export can be downloaded`,
        { status: row.status, percent: row.percent },
        `导出尚未完成，不能下载（当前状态：${EXPORT_STATUS_NAMES[row.status]}）`,
      );
    }
    const content = await this.store.open(row.storageKey);
    try {
      await this.audit.appendAlone({
        actor: auditActor(context),
        action: 'export.downloaded',
        entityType: 'export',
        entityId: id,
        changes: { path: file.path, bytes: file.bytes, sha256: file.sha256 },
        requestId: context.requestId,
      });
    } catch (error) {
      content.destroy();
      throw error;
    }
    return { file, content };
  }

  /** What the worker will build, checked now so that a bad request fails here rather than in the job. */
  private registerParams(dto: CreateExportDto): RegisterExportParams {
    assertDateOrder(['from', dto.from], ['to', dto.to]);
    if (!this.sources.find(dto.evidence)) {
      throw invalidFields([
        {
          field: 'evidence',
          problems: [
            `the system holds no records for ${dto.evidence} yet; available: ${this.sources.codes().join(', ') || 'none'}`,
          ],
        },
      ]);
    }
    return { evidence: dto.evidence, from: dto.from, to: dto.to, format: dto.format, lang: dto.lang ?? 'zh' };
  }

  /** The pack's seed is settled now, not in the build, so that a retry draws the same sample. */
  private packParams(dto: CreateExportDto): PackExportParams {
    assertDateOrder(['from', dto.from], ['to', dto.to]);
    return {
      from: dto.from,
      to: dto.to,
      lang: dto.lang ?? 'zh',
      sampleSize: dto.sampleSize ?? DEFAULT_SAMPLE_SIZE,
      seed: dto.seed ?? randomBytes(8).toString('hex'),
    };
  }
}
