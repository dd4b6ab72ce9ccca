import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { AttachmentEntity } from '../attachments/attachment.entity';
import { AuditService, auditActor } from '../audit/audit.service';
import { describeChanges } from '../audit/domain/describe-changes';
import { CompanyCalendar } from '../common/company-calendar';
import { inTransaction, type Tx } from '../common/database/transaction';
import { type FieldProblem, invalidFields } from '../common/errors/validation-errors';
import { RegisterWriter } from '../common/registers/register-writer';
import { trimmedOrNull } from '../common/text';
import { decideTransition, refusalError } from '../common/workflow/transition';
import { DOCUMENT_OWNER_TYPE, type DocumentStatus } from './domain/document-fields';
import {
  DOCUMENT_WORKFLOW,
  type DocumentAction,
  newVersionProblems,
  reviewProblems,
  withdrawalProblems,
} from './domain/document-workflow';
import { DocumentReviewEntity } from './document-review.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import { DOCUMENTS, DocumentsService } from './documents.service';
import type { AddVersionDto, RecordReviewDto, WithdrawDocumentDto } from './dto/document-request.dto';

/** A document locked for an action, with its version in force (none for a draft). */
interface LockedDocument {
  document: DocumentEntity;
  current: DocumentVersionEntity | null;
  to: DocumentStatus;
}

/** The register's events: a new version (发布/换版), a periodic review (复审), a withdrawal (作废). */
@Injectable()
export class DocumentActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly writer: RegisterWriter,
    private readonly audit: AuditService,
    private readonly calendar: CompanyCalendar,
  ) {}

  /**
   * Records an approved version with its file; it becomes the current one and the one before is
   * superseded. The file must be an attachment of this document that no other version uses; once
   * named here it can no longer be removed.
   */
  addVersion(id: string, dto: AddVersionDto, context: RequestContext): Promise<void> {
    const input = {
      label: dto.label.trim(),
      approvedOn: dto.approvedOn,
      approvedBy: dto.approvedBy.trim(),
      nextReviewOn: dto.nextReviewOn ?? null,
      changeNote: trimmedOrNull(dto.changeNote),
    };
    return inTransaction(this.dataSource, async (tx) => {
      const chosen = await this.versionFile(tx, id, dto.fileAttachmentId);
      const { document, current, to } = await this.lock(tx, id, 'add_version', dto, context, (locked) => [
        ...newVersionProblems(input, locked, this.calendar.today()),
        ...chosen.problems,
      ]);
      // Any problem with the file was refused above; this only tells the compiler so.
      const { file } = chosen;
      if (!file) throw invalidFields(chosen.problems);

      const versions = tx.getRepository(DocumentVersionEntity);
      const version = await versions.save(
        versions.create({
          ...input,
          documentId: id,
          seq: (current?.seq ?? 0) + 1,
          fileAttachmentId: file.id,
          recordedBy: context.user.id,
        }),
      );
      const after = await this.save(tx, document, {
        status: to,
        currentVersionId: version.id,
        nextReviewOn: version.nextReviewOn,
      });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'document.version_added',
        entityType: 'document',
        entityId: id,
        changes: {
          version: {
            id: version.id,
            seq: version.seq,
            label: version.label,
            approvedOn: version.approvedOn,
            approvedBy: version.approvedBy,
            nextReviewOn: version.nextReviewOn,
            changeNote: version.changeNote,
            file: { attachmentId: file.id, fileName: file.fileName, sha256: file.sha256 },
          },
          supersedes: current && { id: current.id, label: current.label },
          ...describeChanges(document, after, DOCUMENTS.auditedFields),
        },
        requestId: context.requestId,
      });
    });
  }

  /** Records a periodic review that keeps the current version in force and sets the next review date. */
  review(id: string, dto: RecordReviewDto, context: RequestContext): Promise<void> {
    const input = {
      reviewedOn: dto.reviewedOn,
      reviewedBy: dto.reviewedBy.trim(),
      nextReviewOn: dto.nextReviewOn,
      note: trimmedOrNull(dto.note),
    };
    return inTransaction(this.dataSource, async (tx) => {
      const { document, current } = await this.lock(tx, id, 'review', dto, context, (locked, before) =>
        reviewProblems(input, locked, before.lastReviewedOn, this.calendar.today()),
      );
      // The workflow lets only a document in force be reviewed, and such a one has a version.
      if (!current) throw new Error(`document ${id} is current without a version`);
      const reviews = tx.getRepository(DocumentReviewEntity);
      const review = await reviews.save(
        reviews.create({ ...input, documentId: id, versionId: current.id, recordedBy: context.user.id }),
      );
      const after = await this.save(tx, document, {
        nextReviewOn: review.nextReviewOn,
        lastReviewedOn: review.reviewedOn,
      });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'document.reviewed',
        entityType: 'document',
        entityId: id,
        changes: {
          review: { id: review.id, versionLabel: current.label, ...input },
          ...describeChanges(document, after, DOCUMENTS.auditedFields),
        },
        requestId: context.requestId,
      });
    });
  }

  /** Withdraws (作废) a document: it leaves the register of documents in force; its history stays. */
  withdraw(id: string, dto: WithdrawDocumentDto, context: RequestContext): Promise<void> {
    const withdrawnOn = dto.withdrawnOn ?? this.calendar.today();
    return inTransaction(this.dataSource, async (tx) => {
      const { document, to } = await this.lock(tx, id, 'withdraw', dto, context, (locked) =>
        withdrawalProblems(withdrawnOn, locked, this.calendar.today()),
      );
      const after = await this.save(tx, document, {
        status: to,
        active: false,
        withdrawnOn,
        withdrawnReason: dto.reason.trim(),
        withdrawnBy: context.user.id,
      });
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'document.withdrawn',
        entityType: 'document',
        entityId: id,
        changes: describeChanges(document, after, DOCUMENTS.auditedFields),
        requestId: context.requestId,
      });
    });
  }

  /**
   * The checks every action makes, in one order: the document visible (404) and the user's to keep
   * (403), locked at the version the client read (409 VERSION_CONFLICT), then the workflow's answer
   * on role, input (400) and state (409 INVALID_TRANSITION).
   */
  private async lock(
    tx: Tx,
    id: string,
    action: DocumentAction,
    request: { expectedVersion?: number },
    context: RequestContext,
    problems: (current: DocumentVersionEntity | null, document: DocumentEntity) => FieldProblem[],
  ): Promise<LockedDocument> {
    await this.documents.findChangeable(tx, id, context.user);
    const document = await this.writer.lockForChange(tx, DOCUMENTS, id, request.expectedVersion);
    const current = document.currentVersionId
      ? await tx.getRepository(DocumentVersionEntity).findOneByOrFail({ id: document.currentVersionId })
      : null;
    const decision = decideTransition({
      entity: 'document',
      action,
      rule: DOCUMENT_WORKFLOW[action],
      status: document.status,
      actorRoles: context.user.roles,
      inputProblems: problems(current, document),
    });
    if (!decision.allowed) throw refusalError(decision);
    return { document, current, to: decision.to };
  }

  /** The file a new version names: an attachment of this document that no version uses yet. */
  private async versionFile(
    tx: Tx,
    documentId: string,
    attachmentId: string,
  ): Promise<{ file: AttachmentEntity | null; problems: FieldProblem[] }> {
    const file = await tx
      .getRepository(AttachmentEntity)
      .findOneBy({ id: attachmentId, ownerType: DOCUMENT_OWNER_TYPE, ownerId: documentId });
    if (!file) {
      const problems = ['fileAttachmentId must be a file attached to this document'];
      return { file: null, problems: [{ field: 'fileAttachmentId', problems }] };
    }
    const usedBy = await tx
      .getRepository(DocumentVersionEntity)
      .findOneBy({ fileAttachmentId: attachmentId });
    if (usedBy) {
      const problems = [`fileAttachmentId is already the file of version ${usedBy.label}`];
      return { file, problems: [{ field: 'fileAttachmentId', problems }] };
    }
    return { file, problems: [] };
  }

  private save(tx: Tx, before: DocumentEntity, change: Partial<DocumentEntity>): Promise<DocumentEntity> {
    return tx.getRepository(DocumentEntity).save({ ...before, ...change, version: before.version + 1 });
  }
}
