import { createHash, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentOwners } from '../src/attachments/attachment-owners';
import { AttachmentEntity } from '../src/attachments/attachment.entity';
import { auditEntriesFor } from './support/audit-entries';
import { TestApp, createTestApp, eventually } from './support/test-app';
import { createOutlet } from './factories/registers';

/** Test records that take files: id → the outlet they belong to (null: every outlet's). */
const records = new Map<string, string | null>();

/** Registers `test_record` with rules the tests control, as a real register module would in onModuleInit. */
@Module({})
class TestRecordsModule implements OnModuleInit {
  constructor(private readonly owners: AttachmentOwners) {}

  onModuleInit(): void {
    this.owners.register({
      ownerType: 'test_record',
      readRoles: ['agent', 'manager', 'auditor'],
      writeRoles: ['agent', 'manager'],
      visibleTo: (id, user) => {
        const outletId = records.get(id);
        if (outletId === undefined) return Promise.resolve(null);
        return Promise.resolve(user.outletId === null || outletId === null || user.outletId === outletId);
      },
    });
  }
}

const MiB = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.7\n服务协议正文\n%%EOF\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('attachments', () => {
  let t: TestApp;
  let agent: string;
  let agentId: string;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { UPLOAD_MAX_MB: '1' }, imports: [TestRecordsModule] });
    const agentUser = await t.createUser(['agent']);
    agentId = agentUser.id;
    agent = (await t.login(agentUser.username)).body.accessToken;
    manager = await t.tokenFor(['manager']);
  });
  afterAll(() => t.close());

  const newRecord = (outletId: string | null = null) => {
    const id = randomUUID();
    records.set(id, outletId);
    return id;
  };
  const upload = (
    token: string,
    fields: Record<string, string>,
    file?: { bytes: Buffer; name: string; type: string },
  ) => {
    const request = t.http().post('/api/v1/attachments').set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(fields)) void request.field(name, value);
    return file
      ? request.attach('file', file.bytes, { filename: file.name, contentType: file.type })
      : request;
  };
  const pdfOn = (token: string, ownerId: string, name = '服务协议（2026）.pdf') =>
    upload(token, { ownerType: 'test_record', ownerId }, { bytes: PDF, name, type: 'application/pdf' });
  const get = (token: string, url: string) => t.http().get(url).set('Authorization', `Bearer ${token}`);

  /** Every file the store holds, whatever the folder. */
  const storedFiles = async () => {
    const root = path.join(t.config.dataDir, 'attachments');
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  };
  const rowsFor = (ownerId: string) => t.dataSource.getRepository(AttachmentEntity).countBy({ ownerId });

  it('stores an upload with its SHA-256, serves the same bytes back under the Chinese name, and audits it', async () => {
    const ownerId = newRecord();
    const filesBefore = (await storedFiles()).length;
    const created = await upload(
      agent,
      { ownerType: 'test_record', ownerId, purpose: 'agreement' },
      { bytes: PDF, name: '服务协议（2026）.pdf', type: 'application/pdf' },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ownerType: 'test_record',
      ownerId,
      purpose: 'agreement',
      fileName: '服务协议（2026）.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      uploadedBy: agentId,
    });
    expect(created.body.storageKey).toBeUndefined();
    expect(await storedFiles()).toHaveLength(filesBefore + 1);

    const metadata = await get(manager, `/api/v1/attachments/${created.body.id}`).expect(200);
    expect(metadata.body).toEqual(created.body);
    const list = await get(manager, `/api/v1/attachments?ownerType=test_record&ownerId=${ownerId}`).expect(
      200,
    );
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.body.items[0].id).toBe(created.body.id);

    const download = await get(agent, `/api/v1/attachments/${created.body.id}/content`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(PDF.length));
    expect(download.headers.etag).toBe(`"${sha256(PDF)}"`);
    const encodedName = /filename\*=UTF-8''([^;]+)/.exec(download.headers['content-disposition'] ?? '')?.[1];
    expect(decodeURIComponent(encodedName ?? '')).toBe('服务协议（2026）.pdf');

    const [entry] = await auditEntriesFor(t.dataSource, 'attachment', created.body.id);
    expect(entry).toMatchObject({
      action: 'attachment.created',
      actorId: agentId,
      changes: { ownerType: 'test_record', ownerId, fileName: '服务协议（2026）.pdf', sha256: sha256(PDF) },
    });
  });

  it('accepts a file of exactly the limit and refuses a larger one with 413, keeping nothing', async () => {
    const ownerId = newRecord();
    const atLimit = await upload(
      agent,
      { ownerType: 'test_record', ownerId },
      { bytes: Buffer.alloc(MiB, 1), name: 'scan.png', type: 'image/png' },
    );
    expect(atLimit.status).toBe(201);
    const filesBefore = await storedFiles();

    const tooLarge = await upload(
      agent,
      { ownerType: 'test_record', ownerId },
      { bytes: Buffer.alloc(MiB + 1, 1), name: 'scan.png', type: 'image/png' },
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await rowsFor(ownerId)).toBe(1);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it.each([
    ['a program', 'setup.exe', 'application/x-msdownload'],
    ['a web page', 'page.html', 'text/html'],
    ['a program named as a PDF', 'setup.exe', 'application/pdf'],
    ['a PDF with the name of a picture', 'scan.png', 'application/pdf'],
  ])('refuses %s with 415 and keeps nothing', async (_case, name, type) => {
    const ownerId = newRecord();
    const filesBefore = await storedFiles();
    const response = await upload(agent, { ownerType: 'test_record', ownerId }, { bytes: PDF, name, type });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { field: 'file' } });
    expect(await rowsFor(ownerId)).toBe(0);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('names the field of a bad upload (400) and refuses an unknown record (404), keeping nothing', async () => {
    const filesBefore = await storedFiles();
    const fieldsOf = (response: { body: { details: { fields: { field: string }[] } } }) =>
      response.body.details.fields.map((f) => f.field);

    const noFile = await upload(agent, { ownerType: 'test_record', ownerId: newRecord() });
    expect(noFile.status).toBe(400);
    expect(fieldsOf(noFile)).toEqual(['file']);

    const unknownType = await upload(
      agent,
      { ownerType: 'spaceship', ownerId: newRecord() },
      { bytes: PDF, name: 'a.pdf', type: 'application/pdf' },
    );
    expect(unknownType.status).toBe(400);
    expect(fieldsOf(unknownType)).toEqual(['ownerType']);

    const badFields = await upload(
      agent,
      { ownerType: 'test_record', ownerId: 'not-a-uuid', purpose: 'Bad Purpose!' },
      { bytes: PDF, name: 'a.pdf', type: 'application/pdf' },
    );
    expect(badFields.status).toBe(400);
    expect(fieldsOf(badFields).sort()).toEqual(['ownerId', 'purpose']);

    const unknownRecord = await pdfOn(agent, randomUUID());
    expect(unknownRecord.status).toBe(404);
    expect(unknownRecord.body.code).toBe('NOT_FOUND');

    const unknownList = await get(agent, `/api/v1/attachments?ownerType=spaceship&ownerId=${randomUUID()}`);
    expect(unknownList.status).toBe(400);
    expect(fieldsOf(unknownList)).toEqual(['ownerType']);
    expect((await get(agent, `/api/v1/attachments/${randomUUID()}`)).status).toBe(404);

    // The framework removes the file of a request its pipes refused once the response is out.
    await eventually(async () => (await storedFiles()).length === filesBefore.length);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('follows the record’s roles: no read role → 403, no write role → 403 and nothing kept', async () => {
    const ownerId = newRecord();
    const created = await pdfOn(agent, ownerId).expect(201);
    const technician = await t.tokenFor(['technician']);
    for (const url of [
      `/api/v1/attachments/${created.body.id}`,
      `/api/v1/attachments/${created.body.id}/content`,
      `/api/v1/attachments?ownerType=test_record&ownerId=${ownerId}`,
    ]) {
      const response = await get(technician, url);
      expect(response.status).toBe(403);
    }

    const auditor = await t.tokenFor(['auditor']);
    await get(auditor, `/api/v1/attachments/${created.body.id}/content`).expect(200);
    const filesBefore = await storedFiles();
    const refused = await pdfOn(auditor, ownerId);
    expect(refused.status).toBe(403);
    expect(await rowsFor(ownerId)).toBe(1);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('refuses the files of a record the user cannot see (another outlet’s) with 403', async () => {
    const [own, other] = [await createOutlet(t.dataSource), await createOutlet(t.dataSource)];
    const ownerId = newRecord(other.id);
    const created = await pdfOn(manager, ownerId).expect(201);
    const outletAgent = await t.tokenFor(['agent'], { outletId: own.id });
    for (const url of [
      `/api/v1/attachments/${created.body.id}`,
      `/api/v1/attachments/${created.body.id}/content`,
      `/api/v1/attachments?ownerType=test_record&ownerId=${ownerId}`,
    ]) {
      const response = await get(outletAgent, url);
      expect(response.status).toBe(403);
    }
    expect((await pdfOn(outletAgent, ownerId)).status).toBe(403);

    const sameOutletAgent = await t.tokenFor(['agent'], { outletId: other.id });
    await get(sameOutletAgent, `/api/v1/attachments/${created.body.id}`).expect(200);
  });

  it('lets the uploader or a manager remove a file, audits it and removes the bytes', async () => {
    const ownerId = newRecord();
    const mine = await pdfOn(agent, ownerId, 'mine.pdf').expect(201);
    const theirs = await pdfOn(manager, ownerId, 'theirs.pdf').expect(201);
    const filesBefore = (await storedFiles()).length;

    const otherAgent = await t.tokenFor(['agent']);
    const refused = await t
      .http()
      .delete(`/api/v1/attachments/${mine.body.id}`)
      .set('Authorization', `Bearer ${otherAgent}`);
    expect(refused.status).toBe(403);
    const notTheirs = await t
      .http()
      .delete(`/api/v1/attachments/${theirs.body.id}`)
      .set('Authorization', `Bearer ${agent}`);
    expect(notTheirs.status).toBe(403);

    await t
      .http()
      .delete(`/api/v1/attachments/${mine.body.id}`)
      .set('Authorization', `Bearer ${agent}`)
      .expect(204);
    await t
      .http()
      .delete(`/api/v1/attachments/${theirs.body.id}`)
      .set('Authorization', `Bearer ${manager}`)
      .expect(204);
    expect(await rowsFor(ownerId)).toBe(0);
    expect(await storedFiles()).toHaveLength(filesBefore - 2);
    expect((await get(agent, `/api/v1/attachments/${mine.body.id}`)).status).toBe(404);
    const entries = await auditEntriesFor(t.dataSource, 'attachment', mine.body.id);
    expect(entries.map((e) => e.action)).toEqual(['attachment.created', 'attachment.deleted']);
    expect(entries[1]).toMatchObject({ actorId: agentId, changes: { fileName: 'mine.pdf' } });
  });

  it('removes the stored bytes again when the database refuses the row', async () => {
    const ownerId = newRecord();
    const filesBefore = await storedFiles();
    await t.dataSource.query(
      `ALTER TABLE attachments ADD CONSTRAINT ck_test_refused CHECK (file_name <> 'refused.pdf')`,
    );
    try {
      const response = await pdfOn(agent, ownerId, 'refused.pdf');
      expect(response.status).toBe(500);
    } finally {
      await t.dataSource.query('ALTER TABLE attachments DROP CONSTRAINT ck_test_refused');
    }
    expect(await rowsFor(ownerId)).toBe(0);
    expect(await storedFiles()).toEqual(filesBefore);
  });
});
