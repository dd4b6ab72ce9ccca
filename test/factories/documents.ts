import type { TestApp } from '../support/test-app';

export interface DocumentBody {
  id: string;
  version: number;
  status: string;
  currentVersion: { id: string; label: string; file: { attachmentId: string; sha256: string } } | null;
  [field: string]: unknown;
}

export interface VersionFields {
  label?: string;
  approvedOn?: string;
  approvedBy?: string;
  nextReviewOn?: string | null;
  changeNote?: string;
}

/** The bytes of a small PDF-like file, different for each content text. */
export function pdfBytes(content: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${content}\n%%EOF\n`);
}

/** Uploads a file as an attachment of the document, as the console does before adding a version. */
export async function attachFile(
  t: TestApp,
  token: string,
  documentId: string,
  name: string,
  bytes: Buffer,
): Promise<{ id: string; sha256: string }> {
  const response = await t
    .http()
    .post('/api/v1/attachments')
    .set('Authorization', `Bearer ${token}`)
    .field('ownerType', 'document')
    .field('ownerId', documentId)
    .field('purpose', 'version')
    .attach('file', bytes, { filename: name, contentType: 'application/pdf' });
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; sha256: string };
}

/** A document registered, its file attached and its first version approved: a document in force. */
export async function currentDocument(
  t: TestApp,
  token: string,
  fields: Record<string, unknown>,
  version: VersionFields = {},
): Promise<DocumentBody> {
  const created = await t
    .http()
    .post('/api/v1/documents')
    .set('Authorization', `Bearer ${token}`)
    .send({ title: '售后服务控制程序', category: 'procedure', ...fields });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const document = created.body as DocumentBody;
  const file = await attachFile(t, token, document.id, `${String(fields.number)}.pdf`, pdfBytes(document.id));
  const added = await t
    .http()
    .post(`/api/v1/documents/${document.id}/versions`)
    .set('Authorization', `Bearer ${token}`)
    .send({
      label: 'A/0',
      approvedOn: '2026-03-01',
      approvedBy: '总经理 李明',
      fileAttachmentId: file.id,
      ...version,
    });
  if (added.status !== 201) throw new Error(`version: ${added.status} ${JSON.stringify(added.body)}`);
  return added.body as DocumentBody;
}
