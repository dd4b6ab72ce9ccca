import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AttachmentEntity } from '../../src/attachments/attachment.entity';

/** A file row linked to a record (no bytes behind it): enough to make the record "referred to". */
export async function attachmentOn(
  dataSource: DataSource,
  ownerType: string,
  ownerId: string,
  uploadedBy: string,
): Promise<AttachmentEntity> {
  const repository = dataSource.getRepository(AttachmentEntity);
  return repository.save(
    repository.create({
      ownerType,
      ownerId,
      fileName: 'scan.pdf',
      contentType: 'application/pdf',
      sizeBytes: 3,
      sha256: 'a'.repeat(64),
      storageKey: `test/${randomUUID()}`,
      uploadedBy,
    }),
  );
}
