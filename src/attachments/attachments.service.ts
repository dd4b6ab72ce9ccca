import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { hasAnyRole, type AuthenticatedUser, type RequestContext } from '../auth/authenticated-user';
import { AuditService, auditActor } from '../audit/audit.service';
import { inTransaction } from '../common/database/transaction';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { invalidFields } from '../common/errors/validation-errors';
import { describeError } from '../common/logging/describe-error';
import { Page, PageQuery, fetchPage } from '../common/http/pagination';
import type { Role } from '../users/domain/roles';
import { AttachmentOwner, AttachmentOwners } from './attachment-owners';
import { AttachmentEntity } from './attachment.entity';
import { FileStore } from './file-store';
import type { StoredUpload } from './upload-storage';

/** Besides the uploader, these may remove any file they can see. */
const FILE_KEEPERS: readonly Role[] = ['manager', 'admin'];

export interface AttachmentTarget {
  ownerType: string;
  ownerId: string;
  purpose?: string;
}

/** Files on records. Who may see or attach them is decided by the rules the record's module registered. */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly owners: AttachmentOwners,
    private readonly store: FileStore,
    private readonly audit: AuditService,
  ) {}

  /** Records a stored upload on its record; on any refusal or failure the stored bytes are removed again. */
  async create(
    upload: StoredUpload,
    target: AttachmentTarget,
    context: RequestContext,
  ): Promise<AttachmentEntity> {
    try {
      await this.authorise(this.registeredOwner(target.ownerType), target.ownerId, context.user, 'write');
      return await inTransaction(this.dataSource, async (tx) => {
        const repository = tx.getRepository(AttachmentEntity);
        const saved = await repository.save(
          repository.create({
            ownerType: target.ownerType,
            ownerId: target.ownerId,
            purpose: target.purpose ?? null,
            fileName: upload.fileName,
            contentType: upload.contentType,
            sizeBytes: upload.sizeBytes,
            sha256: upload.sha256,
            storageKey: upload.storageKey,
            uploadedBy: context.user.id,
          }),
        );
        await this.audit.append(tx, {
          actor: auditActor(context),
          action: 'attachment.created',
          entityType: 'attachment',
          entityId: saved.id,
          changes: auditedFields(saved),
          requestId: context.requestId,
        });
        return saved;
      });
    } catch (error) {
      await this.discard(upload.storageKey);
      throw error;
    }
  }

  async list(query: PageQuery & AttachmentTarget, user: AuthenticatedUser): Promise<Page<AttachmentEntity>> {
    await this.authorise(this.registeredOwner(query.ownerType), query.ownerId, user, 'read');
    const q = this.dataSource
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .where('a.ownerType = :ownerType AND a.ownerId = :ownerId', {
        ownerType: query.ownerType,
        ownerId: query.ownerId,
      })
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'ASC');
    return fetchPage(q, query);
  }

  async get(id: string, user: AuthenticatedUser): Promise<AttachmentEntity> {
    return (await this.readable(id, user)).attachment;
  }

  async open(
    id: string,
    user: AuthenticatedUser,
  ): Promise<{ attachment: AttachmentEntity; content: Readable }> {
    const { attachment } = await this.readable(id, user);
    return { attachment, content: await this.store.open(attachment.storageKey) };
  }

  /** The uploader (while still allowed to attach) or a manager removes a file; the bytes go after the commit. */
  async delete(id: string, context: RequestContext): Promise<void> {
    const { attachment, owner } = await this.readable(id, context.user);
    const isUploader =
      attachment.uploadedBy === context.user.id && hasAnyRole(context.user, owner.writeRoles);
    if (!isUploader && !hasAnyRole(context.user, FILE_KEEPERS)) {
      throw new DomainError('FORBIDDEN', 'Only the uploader, a manager or an admin may remove a file', {
        requiredRoles: FILE_KEEPERS,
      });
    }
    await inTransaction(this.dataSource, async (tx) => {
      const locked = await tx
        .getRepository(AttachmentEntity)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id', { id })
        .getOne();
      if (!locked) throw new NotFoundError('attachment', id);
      await tx.getRepository(AttachmentEntity).delete(id);
      await this.audit.append(tx, {
        actor: auditActor(context),
        action: 'attachment.deleted',
        entityType: 'attachment',
        entityId: id,
        changes: auditedFields(locked),
        requestId: context.requestId,
      });
    });
    await this.discard(attachment.storageKey);
  }

  private registeredOwner(ownerType: string): AttachmentOwner {
    const owner = this.owners.find(ownerType);
    if (!owner) {
      throw invalidFields([
        { field: 'ownerType', problems: [`ownerType must be one of: ${this.owners.types().join(', ')}`] },
      ]);
    }
    return owner;
  }

  /** A file and the rules of its record, when this user may read that record. */
  private async readable(
    id: string,
    user: AuthenticatedUser,
  ): Promise<{ attachment: AttachmentEntity; owner: AttachmentOwner }> {
    const attachment = await this.dataSource.getRepository(AttachmentEntity).findOneBy({ id });
    if (!attachment) throw new NotFoundError('attachment', id);
    const owner = this.owners.find(attachment.ownerType);
    // No module vouches for this kind of record any more, so nobody can be shown its files.
    if (!owner) {
      throw new DomainError(
        'FORBIDDEN',
        `No access rules are registered for files of a ${attachment.ownerType}`,
      );
    }
    await this.authorise(owner, attachment.ownerId, user, 'read');
    return { attachment, owner };
  }

  /** The record's own rules: the role first (so a stranger learns nothing of the record), then visibility. */
  private async authorise(
    owner: AttachmentOwner,
    ownerId: string,
    user: AuthenticatedUser,
    access: 'read' | 'write',
  ): Promise<void> {
    const roles = access === 'read' ? owner.readRoles : owner.writeRoles;
    if (!hasAnyRole(user, roles)) {
      throw new DomainError(
        'FORBIDDEN',
        `Files of a ${owner.ownerType} need one of the roles: ${roles.join(', ')}`,
        {
          requiredRoles: roles,
        },
      );
    }
    const visible = await owner.visibleTo(ownerId, user);
    if (visible === null) throw new NotFoundError(owner.ownerType, ownerId);
    if (!visible) throw new DomainError('FORBIDDEN', `${owner.ownerType} ${ownerId} is not visible to you`);
  }

  /** Removes stored bytes no row refers to; a failure leaves an orphan file, which is logged and harmless. */
  private async discard(storageKey: string): Promise<void> {
    try {
      await this.store.remove(storageKey);
    } catch (error) {
      this.logger.error({ err: describeError(error), storageKey }, 'Could not remove a stored file');
    }
  }
}

function auditedFields(attachment: AttachmentEntity): Record<string, unknown> {
  return {
    ownerType: attachment.ownerType,
    ownerId: attachment.ownerId,
    purpose: attachment.purpose,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
  };
}
