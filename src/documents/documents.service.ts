import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PackFile } from '../evidence/pack/pack-file-sets';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../auth/authenticated-user';
import { outletRestriction } from '../auth/domain/outlet-scope';
import { FileStore } from '../attachments/file-store';
import type { CalendarDate } from '../common/calendar';
import { CompanyCalendar } from '../common/company-calendar';
import { inTransaction, type Tx } from '../common/database/transaction';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import type { ExpiringItem } from '../common/expiry/expiry-sources';
import { Page, fetchPage, matchText } from '../common/http/pagination';
import { RegisterSpec, RegisterWriter } from '../common/registers/register-writer';
import { decideTransition, refusalError } from '../common/workflow/transition';
import { trimmedOrNull } from '../common/text';
import type { ExportPeriod } from '../evidence/domain/export-table';
import { OutletsService } from '../outlets/outlets.service';
import { canChangeDocument, canSeeDocument } from './domain/document-access';
import { DEFAULT_DOCUMENT_EVIDENCE } from './domain/document-fields';
import { DOCUMENT_WORKFLOW } from './domain/document-workflow';
import { documentFilePath, uniquePath } from './domain/pack-path';
import { documentsInForce } from './document-evidence';
import { DocumentReviewEntity } from './document-review.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import type { CreateDocumentDto, ListDocumentsQueryDto, UpdateDocumentDto } from './dto/document-request.dto';
import type { DocumentDossier, LoadedDocument, LoadedVersion } from './dto/document-response.dto';

export const DOCUMENTS: RegisterSpec<DocumentEntity> = {
  entity: DocumentEntity,
  type: 'document',
  auditedFields: [
    'number',
    'title',
    'category',
    'evidenceCode',
    'outletId',
    'department',
    'owner',
    'status',
    'currentVersionId',
    'nextReviewOn',
    'lastReviewedOn',
    'withdrawnOn',
    'withdrawnReason',
    'active',
  ],
};

/** A current version's file as the audit pack takes it. */
/** A version's file as the audit pack takes it: one document, at `documents/<number>-<version>-<file name>`. */
export interface DocumentFile extends PackFile {
  attachmentId: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/** The controlled documents register (受控文件): documents, their reading, and what the pack and alerts need. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RegisterWriter,
    private readonly outlets: OutletsService,
    private readonly calendar: CompanyCalendar,
    private readonly store: FileStore,
  ) {}

  /** Registers a document as a draft; its first version makes it current. */
  create(dto: CreateDocumentDto, context: RequestContext): Promise<DocumentEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      const outletId = await this.outlets.outletForRecord(tx, context.user, dto.outletId);
      return this.writer.create(
        tx,
        DOCUMENTS,
        {
          number: dto.number.toUpperCase(),
          title: dto.title.trim(),
          category: dto.category,
          evidenceCode: dto.evidenceCode ?? DEFAULT_DOCUMENT_EVIDENCE,
          outletId,
          department: trimmedOrNull(dto.department),
          owner: trimmedOrNull(dto.owner),
          status: 'draft',
          createdBy: context.user.id,
        },
        context,
      );
    });
  }

  /** Changes what the register says about a document (not its versions); a withdrawn one changes no more. */
  update(id: string, dto: UpdateDocumentDto, context: RequestContext): Promise<DocumentEntity> {
    const { expectedVersion, ...fields } = dto;
    return inTransaction(this.dataSource, async (tx) => {
      await this.findChangeable(tx, id, context.user);
      const outletId =
        fields.outletId === undefined
          ? undefined
          : await this.outlets.outletForRecord(tx, context.user, fields.outletId);
      return this.writer.update(
        tx,
        DOCUMENTS,
        id,
        expectedVersion,
        (before) => {
          const decision = decideTransition({
            entity: 'document',
            action: 'update',
            rule: DOCUMENT_WORKFLOW.update,
            status: before.status,
            actorRoles: context.user.roles,
            inputProblems: [],
          });
          if (!decision.allowed) throw refusalError(decision);
          return {
            number: fields.number?.toUpperCase(),
            title: fields.title?.trim(),
            category: fields.category,
            evidenceCode: fields.evidenceCode,
            outletId,
            department: fields.department === undefined ? undefined : trimmedOrNull(fields.department),
            owner: fields.owner === undefined ? undefined : trimmedOrNull(fields.owner),
          };
        },
        context,
      );
    });
  }

  async list(query: ListDocumentsQueryDto, viewer: AuthenticatedUser): Promise<Page<LoadedDocument>> {
    const q = this.withCurrentVersion(this.dataSource.manager);
    const restriction = outletRestriction(viewer);
    if (restriction !== null) {
      q.andWhere('(d.outletId IS NULL OR d.outletId = :scopeOutletId)', { scopeOutletId: restriction });
    }
    matchText(q, ['d.number', 'd.title'], query.q);
    if (query.active !== undefined) q.andWhere('d.active = :active', { active: query.active });
    if (query.category) q.andWhere('d.category = :category', { category: query.category });
    if (query.evidenceCode)
      q.andWhere('d.evidenceCode = :evidenceCode', { evidenceCode: query.evidenceCode });
    if (query.status) q.andWhere('d.status = :status', { status: query.status });
    if (query.outletId) q.andWhere('d.outletId = :outletId', { outletId: query.outletId });
    if (query.reviewOverdue !== undefined) {
      // The SQL twin of reviewStanding(): in force, with a review date before today.
      const overdue = `(d.status = 'current' AND d.nextReviewOn IS NOT NULL AND d.nextReviewOn < :today)`;
      q.andWhere(query.reviewOverdue ? overdue : `NOT ${overdue}`, { today: this.calendar.today() });
    }
    return fetchPage(q.orderBy('d.number', 'ASC'), query) as Promise<Page<LoadedDocument>>;
  }

  /** The document with every version (newest first) and every review (newest first). */
  async dossier(id: string, viewer: AuthenticatedUser): Promise<DocumentDossier> {
    const document = await this.withCurrentVersion(this.dataSource.manager)
      .where('d.id = :id', { id })
      .getOne();
    if (!document || !canSeeDocument(viewer, document.outletId)) throw new NotFoundError('document', id);
    const versions = await this.dataSource
      .getRepository(DocumentVersionEntity)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.file', 'f')
      .where('v.documentId = :id', { id })
      .orderBy('v.seq', 'DESC')
      .getMany();
    const reviews = await this.dataSource
      .getRepository(DocumentReviewEntity)
      .createQueryBuilder('r')
      .where('r.documentId = :id', { id })
      .orderBy('r.reviewedOn', 'DESC')
      .addOrderBy('r.createdAt', 'DESC')
      .getMany();
    return { document: document as LoadedDocument, versions: versions as LoadedVersion[], reviews };
  }

  /** For file attachments: null when there is no such document, else whether the user may see it. */
  async isVisibleTo(id: string, viewer: AuthenticatedUser): Promise<boolean | null> {
    const document = await this.dataSource.getRepository(DocumentEntity).findOneBy({ id });
    return document && canSeeDocument(viewer, document.outletId);
  }

  /**
   * A document the user may change: 404 when they cannot see it, 403 when it is not theirs to keep
   * (an outlet's manager and a company-wide document). Locking and the version are the caller's.
   */
  async findChangeable(tx: Tx, id: string, viewer: AuthenticatedUser): Promise<DocumentEntity> {
    const document = await tx.getRepository(DocumentEntity).findOneBy({ id });
    if (!document || !canSeeDocument(viewer, document.outletId)) throw new NotFoundError('document', id);
    if (!canChangeDocument(viewer, document.outletId)) {
      throw new DomainError(
        'FORBIDDEN',
        `document ${id} belongs to head office; an outlet's manager keeps only the outlet's documents`,
        { id },
        '该文件由公司总部维护，网点人员只能维护本网点的文件',
      );
    }
    return document;
  }

  /** Documents in force whose review date falls on or before `until`, for the daily expiry check. */
  async findExpiring(until: CalendarDate): Promise<ExpiringItem[]> {
    const documents = await this.dataSource
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where(`d.status = 'current'`)
      .andWhere('d.nextReviewOn <= :until', { until })
      .orderBy('d.nextReviewOn', 'ASC')
      .getMany();
    return documents.flatMap(({ id, number, title, nextReviewOn }) =>
      nextReviewOn === null
        ? []
        : [
            {
              subjectType: 'document',
              subjectId: id,
              item: 'review',
              validUntil: nextReviewOn,
              // The mail reads "…的复审期限将于 X 到期" / "已过期：…的复审期限": a deadline, not a validity.
              description: `受控文件 ${number}《${title}》的复审期限`,
            },
          ],
    );
  }

  /**
   * The files of the documents in force in the period (as the `documents` register lists them), each
   * the file of the version current at the period's end, in document-number order, for the audit pack.
   */
  async *currentFiles(period: ExportPeriod): AsyncIterable<DocumentFile> {
    const rows = await documentsInForce(this.dataSource)
      .setParameters({ periodFrom: period.from, periodTo: period.to })
      .select('d.number', 'number')
      .addSelect('v.label', 'label')
      .addSelect('f.id', 'attachmentId')
      .addSelect('f.fileName', 'fileName')
      .addSelect('f.sha256', 'sha256')
      .addSelect('f.sizeBytes', 'sizeBytes')
      .addSelect('f.storageKey', 'storageKey')
      .orderBy('d.number', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getRawMany<{
        number: string;
        label: string;
        attachmentId: string;
        fileName: string;
        sha256: string;
        sizeBytes: string;
        storageKey: string;
      }>();
    const paths = new Set<string>();
    for (const row of rows) {
      yield {
        path: uniquePath(documentFilePath(row.number, row.label, row.fileName), paths),
        records: 1,
        attachmentId: row.attachmentId,
        fileName: row.fileName,
        sha256: row.sha256,
        sizeBytes: Number(row.sizeBytes),
        open: () => this.store.open(row.storageKey),
      };
    }
  }

  private withCurrentVersion(manager: Tx) {
    return manager
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.currentVersion', 'cv')
      .leftJoinAndSelect('cv.file', 'cvf');
  }
}
