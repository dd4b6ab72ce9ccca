import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { DocumentsService } from '../src/documents/documents.service';
import { formatCell } from '../src/evidence/domain/format-cell';
import type { ExportRow } from '../src/evidence/domain/export-table';
import { EvidenceSources } from '../src/evidence/evidence-sources';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';
import { type DocumentBody, attachFile, currentDocument, pdfBytes } from './factories/documents';
import { createOutlet } from './factories/registers';

interface VersionBody {
  id: string;
  seq: number;
  label: string;
  status: string;
  file: { attachmentId: string; fileName: string; sha256: string };
}
interface DetailBody extends DocumentBody {
  versions: VersionBody[];
  reviews: { versionLabel: string; reviewedOn: string; nextReviewOn: string }[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('controlled documents register (受控文件)', () => {
  let t: TestApp;
  let manager: string;
  let technician: string;
  let auditor: string;

  beforeAll(async () => {
    t = await createTestApp();
    // Noon in Shanghai: "today" is 2026-06-01.
    t.clock.setTo('2026-06-01T04:00:00Z');
    manager = await t.tokenFor(['manager']);
    technician = await t.tokenFor(['technician']);
    auditor = await t.tokenFor(['auditor']);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => t.http().get(`/api/v1/documents${path}`).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object) =>
      t.http().post(`/api/v1/documents${path}`).set('Authorization', `Bearer ${token}`).send(body),
    patch: (id: string, body: object) =>
      t.http().patch(`/api/v1/documents/${id}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) =>
    (body.details?.fields ?? []).map((f) => f.field).sort();
  const draft = async (number: string, fields: object = {}, token = manager) =>
    (
      await as(token)
        .post('', { number, title: '售后服务控制程序', category: 'procedure', ...fields })
        .expect(201)
    ).body as DetailBody;
  const detail = async (id: string) => (await as(manager).get(`/${id}`).expect(200)).body as DetailBody;

  it('registers a draft, takes its file and makes it current with its first version; audited', async () => {
    const created = await as(manager)
      .post('', {
        number: 'qp-7.5-01',
        title: ' 售后服务控制程序 ',
        category: 'procedure',
        department: '售后服务部',
        owner: '王建国',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      number: 'QP-7.5-01',
      title: '售后服务控制程序',
      evidenceCode: 'documents',
      status: 'draft',
      active: true,
      version: 1,
      currentVersion: null,
      reviewStatus: 'none',
      reviewOverdue: false,
      daysUntilReview: null,
      versions: [],
      reviews: [],
    });
    const id = created.body.id as string;
    const bytes = pdfBytes('售后服务控制程序 A/0');
    const file = await attachFile(t, manager, id, '售后服务控制程序.pdf', bytes);

    const added = await as(manager)
      .post(`/${id}/versions`, {
        label: 'A/0',
        approvedOn: '2026-03-01',
        approvedBy: '总经理 李明',
        nextReviewOn: '2027-03-01',
        fileAttachmentId: file.id,
        expectedVersion: 1,
      })
      .expect(201);
    expect(added.body).toMatchObject({
      status: 'current',
      version: 2,
      nextReviewOn: '2027-03-01',
      reviewStatus: 'ok',
      reviewOverdue: false,
      daysUntilReview: 273,
      currentVersion: {
        seq: 1,
        label: 'A/0',
        status: 'current',
        approvedOn: '2026-03-01',
        approvedBy: '总经理 李明',
        changeNote: null,
        file: { attachmentId: file.id, fileName: '售后服务控制程序.pdf', sha256: sha256(bytes) },
      },
    });
    expect((added.body as DetailBody).versions.map((v) => v.label)).toEqual(['A/0']);

    // Every member of staff reads the procedure and its file.
    await as(technician).get(`/${id}`).expect(200);
    const download = await t
      .http()
      .get(`/api/v1/attachments/${file.id}/content`)
      .set('Authorization', `Bearer ${technician}`)
      .expect(200);
    expect(Buffer.from(download.body as Buffer).equals(bytes)).toBe(true);

    const entries = await auditEntriesFor(t.dataSource, 'document', id);
    expect(entries.map((entry) => entry.action)).toEqual(['document.created', 'document.version_added']);
    expect(entries[1]?.changes).toMatchObject({
      version: { label: 'A/0', file: { attachmentId: file.id, sha256: sha256(bytes) } },
      status: { from: 'draft', to: 'current' },
      nextReviewOn: { from: null, to: '2027-03-01' },
    });
  });

  it('honours Idempotency-Key on a create: a retry returns the first document and makes no other', async () => {
    const send = () =>
      t
        .http()
        .post('/api/v1/documents')
        .set('Authorization', `Bearer ${manager}`)
        .set('Idempotency-Key', 'doc-create-1')
        .send({ number: 'ZS-IDEM', title: '售后服务认证证书', category: 'certificate' });
    const first = await send().expect(201);
    const retry = await send().expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const listed = await as(manager).get('?q=ZS-IDEM').expect(200);
    expect(listed.body.total).toBe(1);
  });

  it('supersedes the current version with a new one and keeps the whole history', async () => {
    const document = await currentDocument(t, manager, { number: 'SM-01', category: 'service_manual' });
    const secondBytes = pdfBytes('售后服务手册 B/0');
    const second = await attachFile(t, manager, document.id, '售后服务手册 B0.pdf', secondBytes);
    const revised = await as(manager)
      .post(`/${document.id}/versions`, {
        label: 'B/0',
        approvedOn: '2026-05-01',
        approvedBy: '总经理 李明',
        nextReviewOn: '2027-05-01',
        changeNote: '增加第 5 章 服务承诺',
        fileAttachmentId: second.id,
        expectedVersion: document.version,
      })
      .expect(201);
    const body = revised.body as DetailBody;
    expect(body.currentVersion).toMatchObject({
      label: 'B/0',
      seq: 2,
      file: { sha256: sha256(secondBytes) },
    });
    expect(body.versions.map((v) => [v.label, v.seq, v.status])).toEqual([
      ['B/0', 2, 'current'],
      ['A/0', 1, 'superseded'],
    ]);
    expect(body.nextReviewOn).toBe('2027-05-01');
    const firstFile = document.currentVersion!.file;
    expect(body.versions[1]?.file).toMatchObject({
      attachmentId: firstFile.attachmentId,
      sha256: firstFile.sha256,
    });
  });

  it("never lets an approved version's file be removed, reused or changed", async () => {
    const document = await currentDocument(t, manager, { number: 'SM-02', category: 'service_manual' });
    const file = document.currentVersion!.file;
    const removal = await t
      .http()
      .delete(`/api/v1/attachments/${file.attachmentId}`)
      .set('Authorization', `Bearer ${manager}`)
      .expect(409);
    expect(removal.body.details).toEqual({ constraint: 'fk_document_versions_file' });
    await t
      .http()
      .get(`/api/v1/attachments/${file.attachmentId}`)
      .set('Authorization', `Bearer ${manager}`)
      .expect(200);

    const reused = await as(manager)
      .post(`/${document.id}/versions`, {
        label: 'B/0',
        approvedOn: '2026-05-01',
        approvedBy: '总经理 李明',
        changeNote: '换版',
        fileAttachmentId: file.attachmentId,
      })
      .expect(400);
    expect(reused.body.details.fields).toEqual([
      { field: 'fileAttachmentId', problems: ['fileAttachmentId is already the file of version A/0'] },
    ]);
    const other = await draft('SM-02-OTHER');
    const elsewhere = await attachFile(t, manager, other.id, 'other.pdf', pdfBytes('other'));
    const foreign = await as(manager)
      .post(`/${document.id}/versions`, {
        label: 'B/0',
        approvedOn: '2026-05-01',
        approvedBy: '总经理 李明',
        changeNote: '换版',
        fileAttachmentId: elsewhere.id,
      })
      .expect(400);
    expect(fieldsOf(foreign.body)).toEqual(['fileAttachmentId']);

    await expect(
      t.dataSource.query(`UPDATE document_versions SET file_attachment_id = $1 WHERE id = $2`, [
        elsewhere.id,
        document.currentVersion!.id,
      ]),
    ).rejects.toThrow(/record of fact/);
    await expect(
      t.dataSource.query(`DELETE FROM document_versions WHERE id = $1`, [document.currentVersion!.id]),
    ).rejects.toThrow(/record of fact/);
    expect((await detail(document.id)).currentVersion?.file.attachmentId).toBe(file.attachmentId);
  });

  it('refuses a version approved in the future or before the current one, without a change note, or a label used', async () => {
    const document = await currentDocument(t, manager, { number: 'QP-8.2-01' });
    const next = await attachFile(t, manager, document.id, 'next.pdf', pdfBytes('next'));
    const version = (fields: object) =>
      as(manager).post(`/${document.id}/versions`, {
        label: 'B/0',
        approvedOn: '2026-05-01',
        approvedBy: '总经理 李明',
        changeNote: '换版',
        fileAttachmentId: next.id,
        ...fields,
      });
    const dates = await version({
      approvedOn: '2026-02-28',
      nextReviewOn: '2026-01-01',
      changeNote: ' ',
    }).expect(400);
    expect(fieldsOf(dates.body)).toEqual(['approvedOn', 'changeNote', 'nextReviewOn']);
    expect(fieldsOf((await version({ approvedOn: '2026-06-02' }).expect(400)).body)).toEqual(['approvedOn']);
    const taken = await version({ label: 'A/0' }).expect(409);
    expect(taken.body).toMatchObject({
      code: 'CONFLICT',
      details: { constraint: 'uq_document_versions_label' },
    });

    // Nothing of the refused attempts was kept: the file is still free for the next version.
    expect((await detail(document.id)).versions).toHaveLength(1);
    await version({}).expect(201);
  });

  it('records a review without a new version, which moves the review date; overdue reviews are flagged and listed', async () => {
    const overdue = await currentDocument(
      t,
      manager,
      { number: 'FL-01', title: '法律法规及其他要求清单', category: 'legal_register' },
      { approvedOn: '2025-05-15', nextReviewOn: '2026-05-15' },
    );
    expect(overdue).toMatchObject({ reviewStatus: 'overdue', reviewOverdue: true, daysUntilReview: -17 });
    const dueSoon = await currentDocument(
      t,
      manager,
      { number: 'ZZ-01', title: '售后服务组织机构图', category: 'org_chart' },
      { approvedOn: '2025-06-20', nextReviewOn: '2026-06-20' },
    );
    expect(dueSoon).toMatchObject({ reviewStatus: 'due', reviewOverdue: false, daysUntilReview: 19 });

    const flagged = await as(technician).get('?reviewOverdue=true').expect(200);
    expect(flagged.body.items.map((d: DocumentBody) => d.number)).toEqual(['FL-01']);
    const others = await as(manager).get('?reviewOverdue=false&pageSize=200').expect(200);
    const otherNumbers = others.body.items.map((d: DocumentBody) => d.number);
    // Drafts and documents without a review date are never overdue.
    expect(otherNumbers).toEqual(expect.arrayContaining(['ZZ-01', 'ZS-IDEM']));
    expect(otherNumbers).not.toContain('FL-01');

    const reviewed = await as(manager)
      .post(`/${overdue.id}/reviews`, {
        reviewedOn: '2026-05-30',
        reviewedBy: '王建国',
        nextReviewOn: '2027-05-30',
        note: '经复审，清单所列法规均现行有效',
        expectedVersion: overdue.version,
      })
      .expect(201);
    expect(reviewed.body).toMatchObject({
      status: 'current',
      version: overdue.version + 1,
      nextReviewOn: '2027-05-30',
      lastReviewedOn: '2026-05-30',
      reviewOverdue: false,
      reviewStatus: 'ok',
      currentVersion: { id: overdue.currentVersion!.id, nextReviewOn: '2026-05-15' },
      reviews: [
        { versionLabel: 'A/0', reviewedOn: '2026-05-30', reviewedBy: '王建国', nextReviewOn: '2027-05-30' },
      ],
    });
    expect((reviewed.body as DetailBody).versions).toHaveLength(1);
    const afterwards = await as(manager).get('?reviewOverdue=true').expect(200);
    expect(afterwards.body.total).toBe(0);

    const backwards = await as(manager)
      .post(`/${overdue.id}/reviews`, {
        reviewedOn: '2026-05-29',
        reviewedBy: '王建国',
        nextReviewOn: '2026-05-01',
      })
      .expect(400);
    expect(fieldsOf(backwards.body)).toEqual(['nextReviewOn', 'reviewedOn']);

    const [, , reviewEntry] = await auditEntriesFor(t.dataSource, 'document', overdue.id);
    expect(reviewEntry).toMatchObject({
      action: 'document.reviewed',
      changes: { nextReviewOn: { from: '2026-05-15', to: '2027-05-30' }, review: { reviewedBy: '王建国' } },
    });

    const unpublished = await draft('FL-02');
    const refused = await as(manager)
      .post(`/${unpublished.id}/reviews`, {
        reviewedOn: '2026-05-30',
        reviewedBy: '王建国',
        nextReviewOn: '2027-05-30',
      })
      .expect(409);
    expect(refused.body.code).toBe('INVALID_TRANSITION');
  });

  it('withdraws a document, keeping its versions; a withdrawn document changes no more', async () => {
    const document = await currentDocument(t, manager, { number: 'HT-WX-01', category: 'contract' });
    const withdrawn = await as(manager)
      .post(`/${document.id}/withdraw`, { reason: '合同到期终止', expectedVersion: document.version })
      .expect(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      active: false,
      withdrawnOn: '2026-06-01',
      withdrawnReason: '合同到期终止',
      reviewStatus: 'none',
      currentVersion: { label: 'A/0', status: 'withdrawn' },
    });
    expect((withdrawn.body as DetailBody).versions.map((v) => v.status)).toEqual(['withdrawn']);
    const listed = await as(manager).get('?status=withdrawn').expect(200);
    expect(listed.body.items.map((d: DocumentBody) => d.number)).toContain('HT-WX-01');
    const inactive = await as(manager).get('?active=false').expect(200);
    expect(inactive.body.items.map((d: DocumentBody) => d.number)).toContain('HT-WX-01');

    const next = await attachFile(t, manager, document.id, 'renewal.pdf', pdfBytes('renewal'));
    const refusals = [
      await as(manager).patch(document.id, { title: '新标题' }),
      await as(manager).post(`/${document.id}/versions`, {
        label: 'B/0',
        approvedOn: '2026-06-01',
        approvedBy: '总经理 李明',
        changeNote: '续签',
        fileAttachmentId: next.id,
      }),
      await as(manager).post(`/${document.id}/reviews`, {
        reviewedOn: '2026-06-01',
        reviewedBy: '王建国',
        nextReviewOn: '2027-06-01',
      }),
      await as(manager).post(`/${document.id}/withdraw`, { reason: '再次作废' }),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual(
      Array.from({ length: 4 }, () => [409, 'INVALID_TRANSITION']),
    );
    const entries = await auditEntriesFor(t.dataSource, 'document', document.id);
    expect(entries.map((entry) => entry.action)).toEqual([
      'document.created',
      'document.version_added',
      'document.withdrawn',
    ]);
    expect(entries[2]?.changes).toMatchObject({
      status: { from: 'current', to: 'withdrawn' },
      withdrawnReason: { from: null, to: '合同到期终止' },
    });

    // A draft never issued may be withdrawn too, dated no later than today.
    const neverIssued = await draft('HT-WX-02', { category: 'contract' });
    const future = await as(manager).post(`/${neverIssued.id}/withdraw`, {
      reason: '未签订',
      withdrawnOn: '2026-06-02',
    });
    expect(fieldsOf(future.body)).toEqual(['withdrawnOn']);
    await as(manager).post(`/${neverIssued.id}/withdraw`, { reason: '未签订' }).expect(200);
  });

  it('changes what the register says of a document, audited; a change that changes nothing writes nothing', async () => {
    const document = await draft('CN-01', { category: 'commitment', title: '售后服务承诺书' });
    const changed = await as(manager)
      .patch(document.id, {
        title: '售后服务承诺',
        evidenceCode: 'service-policy',
        owner: '王建国',
        expectedVersion: 1,
      })
      .expect(200);
    expect(changed.body).toMatchObject({
      title: '售后服务承诺',
      evidenceCode: 'service-policy',
      owner: '王建国',
      version: 2,
    });
    const same = await as(manager).patch(document.id, { title: '售后服务承诺' }).expect(200);
    expect(same.body.version).toBe(2);
    const entries = await auditEntriesFor(t.dataSource, 'document', document.id);
    expect(entries.map((entry) => entry.action)).toEqual(['document.created', 'document.updated']);
    expect(entries[1]?.changes).toEqual({
      title: { from: '售后服务承诺书', to: '售后服务承诺' },
      evidenceCode: { from: 'documents', to: 'service-policy' },
      owner: { from: null, to: '王建国' },
    });
    const byEvidence = await as(auditor).get('?evidenceCode=service-policy&category=commitment').expect(200);
    expect(byEvidence.body.items.map((d: DocumentBody) => d.number)).toEqual(['CN-01']);

    const taken = await as(manager).patch(document.id, { number: 'qp-7.5-01' }).expect(409);
    expect(taken.body.details).toEqual({ constraint: 'uq_documents_number' });
  });

  it('answers 400 naming every bad field', async () => {
    const create = await as(manager)
      .post('', {
        number: ' QP ',
        title: '   ',
        category: 'memo',
        evidenceCode: 'invoices',
        outletId: 'not-a-uuid',
        owner: 'x'.repeat(101),
      })
      .expect(400);
    expect(fieldsOf(create.body)).toEqual([
      'category',
      'evidenceCode',
      'number',
      'outletId',
      'owner',
      'title',
    ]);
    const unknown = await as(manager).post('', {
      number: 'X-1',
      title: 'x',
      category: 'other',
      status: 'current',
    });
    expect(fieldsOf(unknown.body)).toEqual(['status']);
    const nulls = await as(manager).patch((await draft('X-2')).id, {
      title: null,
      number: null,
      category: null,
    });
    expect(fieldsOf(nulls.body)).toEqual(['category', 'number', 'title']);

    const document = await draft('X-3');
    const version = await as(manager)
      .post(`/${document.id}/versions`, { label: '', approvedOn: '2026-02-30', fileAttachmentId: 'x' })
      .expect(400);
    expect(fieldsOf(version.body)).toEqual(['approvedBy', 'approvedOn', 'fileAttachmentId', 'label']);
    const review = await as(manager).post(`/${document.id}/reviews`, { reviewedOn: 'today' }).expect(400);
    expect(fieldsOf(review.body)).toEqual(['nextReviewOn', 'reviewedBy', 'reviewedOn']);
    const withdraw = await as(manager).post(`/${document.id}/withdraw`, {}).expect(400);
    expect(fieldsOf(withdraw.body)).toEqual(['reason']);
    const list = await as(manager).get('?status=obsolete&reviewOverdue=maybe&category=memo').expect(400);
    expect(fieldsOf(list.body)).toEqual(['category', 'reviewOverdue', 'status']);
  });

  it('lets managers and admins write; a technician or an auditor reads only (403)', async () => {
    const document = await currentDocument(t, manager, { number: 'QP-403' });
    for (const token of [technician, auditor]) {
      await as(token).get(`/${document.id}`).expect(200);
      expect((await as(token).post('', { number: 'QP-X', title: 'x', category: 'other' })).status).toBe(403);
      expect((await as(token).patch(document.id, { title: 'x' })).status).toBe(403);
      expect((await as(token).post(`/${document.id}/withdraw`, { reason: 'x' })).status).toBe(403);
      const review = await as(token).post(`/${document.id}/reviews`, {
        reviewedOn: '2026-05-01',
        reviewedBy: 'x',
        nextReviewOn: '2027-05-01',
      });
      expect(review.status).toBe(403);
      const upload = await t
        .http()
        .post('/api/v1/attachments')
        .set('Authorization', `Bearer ${token}`)
        .field('ownerType', 'document')
        .field('ownerId', document.id)
        .attach('file', pdfBytes('x'), { filename: 'x.pdf', contentType: 'application/pdf' });
      expect(upload.status).toBe(403);
    }
    const admin = await t.tokenFor(['admin']);
    await as(admin).patch(document.id, { department: '质量管理部' }).expect(200);
    expect((await detail(document.id)).version).toBe(document.version + 1);
  });

  it("shows an outlet the company's documents and its own; its manager keeps only its own (403, 404)", async () => {
    const suzhou = await createOutlet(t.dataSource, { code: 'WD-SZ-DOC', name: '苏州委外网点' });
    const jiaxing = await createOutlet(t.dataSource, { code: 'WD-JX-DOC', name: '嘉兴委外网点' });
    const suzhouManager = await t.tokenFor(['manager'], { outletId: suzhou.id });
    const jiaxingTechnician = await t.tokenFor(['technician'], { outletId: jiaxing.id });

    const agreement = await currentDocument(t, suzhouManager, {
      number: 'HT-SZ-01',
      title: '苏州委外网点售后服务委托协议',
      category: 'contract',
    });
    expect(agreement.outletId).toBe(suzhou.id);
    const company = await currentDocument(t, manager, { number: 'QP-OUT-01' });

    await as(jiaxingTechnician).get(`/${company.id}`).expect(200);
    await as(jiaxingTechnician).get(`/${agreement.id}`).expect(404);
    await t
      .http()
      .get(`/api/v1/attachments/${agreement.currentVersion!.file.attachmentId}`)
      .set('Authorization', `Bearer ${jiaxingTechnician}`)
      .expect(403);
    const seen = await as(jiaxingTechnician).get('?pageSize=200').expect(200);
    const numbers = seen.body.items.map((d: DocumentBody) => d.number);
    expect(numbers).toContain('QP-OUT-01');
    expect(numbers).not.toContain('HT-SZ-01');

    const headOffice = await as(suzhouManager).patch(company.id, { title: '改标题' }).expect(403);
    expect(headOffice.body.code).toBe('FORBIDDEN');
    await as(suzhouManager).patch(agreement.id, { owner: '周杰' }).expect(200);
    const elsewhere = await as(suzhouManager).post('', {
      number: 'HT-JX-01',
      title: '嘉兴协议',
      category: 'contract',
      outletId: jiaxing.id,
    });
    expect(fieldsOf(elsewhere.body)).toEqual(['outletId']);
  });

  it('answers 404 for a document that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await as(manager).get(`/${missing}`).expect(404);
    await as(manager).patch(missing, { title: 'x' }).expect(404);
    await as(manager).post(`/${missing}/withdraw`, { reason: 'x' }).expect(404);
    await as(manager)
      .post(`/${missing}/reviews`, { reviewedOn: '2026-05-01', reviewedBy: 'x', nextReviewOn: '2027-05-01' })
      .expect(404);
    await as(manager).get('/not-a-uuid').expect(400);
  });

  it('answers 409 VERSION_CONFLICT on a stale expectedVersion and changes nothing; of two racing versions one wins', async () => {
    const document = await currentDocument(t, manager, { number: 'QP-409' });
    await as(manager)
      .patch(document.id, { department: '售后服务部', expectedVersion: document.version })
      .expect(200);
    const stale = await as(manager)
      .patch(document.id, { title: '过期的修改', expectedVersion: document.version })
      .expect(409);
    expect(stale.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: document.version + 1 },
    });
    const staleReview = await as(manager)
      .post(`/${document.id}/reviews`, {
        reviewedOn: '2026-05-01',
        reviewedBy: '王建国',
        nextReviewOn: '2027-05-01',
        expectedVersion: document.version,
      })
      .expect(409);
    expect(staleReview.body.code).toBe('VERSION_CONFLICT');
    const unchanged = await detail(document.id);
    expect(unchanged).toMatchObject({
      title: '售后服务控制程序',
      reviews: [],
      version: document.version + 1,
    });

    const [one, two] = await Promise.all(
      ['B/0', 'B/1'].map(async (label) =>
        attachFile(t, manager, document.id, `${label}.pdf`, pdfBytes(label)),
      ),
    );
    const race = await Promise.all(
      [
        { label: 'B/0', fileAttachmentId: one!.id },
        { label: 'B/1', fileAttachmentId: two!.id },
      ].map((fields) =>
        as(manager).post(`/${document.id}/versions`, {
          ...fields,
          approvedOn: '2026-05-01',
          approvedBy: '总经理 李明',
          changeNote: '换版',
          expectedVersion: unchanged.version,
        }),
      ),
    );
    expect(race.map((response) => response.status).sort()).toEqual([201, 409]);
    expect((await detail(document.id)).versions).toHaveLength(2);
  });

  describe('evidence: the register of documents in force in a period, and their files for the pack', () => {
    const MARCH = { from: '2026-03-01', to: '2026-03-31' };
    const APRIL = { from: '2026-04-01', to: '2026-04-30' };
    const FEBRUARY = { from: '2026-02-01', to: '2026-02-28' };
    let revised: DocumentBody;
    let revisedBytes: Buffer;

    beforeAll(async () => {
      revised = await currentDocument(
        t,
        manager,
        { number: 'EV-QP-01', title: '维修服务程序' },
        { approvedOn: '2026-01-10', nextReviewOn: '2027-01-10' },
      );
      await as(manager)
        .post(`/${revised.id}/reviews`, {
          reviewedOn: '2026-03-10',
          reviewedBy: '王建国',
          nextReviewOn: '2026-09-10',
        })
        .expect(201);
      revisedBytes = pdfBytes('维修服务程序 B/0');
      const file = await attachFile(t, manager, revised.id, '维修服务程序:B0.pdf', revisedBytes);
      await as(manager)
        .post(`/${revised.id}/versions`, {
          label: 'B/0',
          approvedOn: '2026-04-20',
          approvedBy: '总经理 李明',
          changeNote: '修订回访时限',
          fileAttachmentId: file.id,
        })
        .expect(201);
      await currentDocument(
        t,
        manager,
        { number: 'EV-ZS-01', category: 'certificate' },
        { approvedOn: '2026-05-01' },
      );
      const gone = await currentDocument(
        t,
        manager,
        { number: 'EV-HT-01', category: 'contract', evidenceCode: 'suppliers' },
        { approvedOn: '2026-01-05' },
      );
      await as(manager)
        .post(`/${gone.id}/withdraw`, { reason: '合同终止', withdrawnOn: '2026-02-15' })
        .expect(200);
      await draft('EV-DRAFT');
    });

    async function rowsOf(period: { from: string; to: string }): Promise<ExportRow[]> {
      const source = t.app.get(EvidenceSources).find('documents')!;
      const rows: ExportRow[] = [];
      for await (const row of source.rows(period)) rows.push(row);
      expect(await source.count(period)).toBe(rows.length);
      return rows.filter((row) => String(row.number).startsWith('EV-'));
    }

    it('lists each document with the version current at the period end, its review dates and its file', async () => {
      const march = await rowsOf(MARCH);
      expect(march).toEqual([
        {
          id: revised.id,
          number: 'EV-QP-01',
          title: '维修服务程序',
          category: 'procedure',
          evidenceCode: 'documents',
          outletName: null,
          versionLabel: 'A/0',
          approvedOn: '2026-01-10',
          approvedBy: '总经理 李明',
          lastReviewedOn: '2026-03-10',
          nextReviewOn: '2026-09-10',
          fileName: 'EV-QP-01.pdf',
          sha256: revised.currentVersion!.file.sha256,
          withdrawnOn: null,
        },
      ]);
      const april = await rowsOf(APRIL);
      expect(
        april.map((row) => [
          row.number,
          row.versionLabel,
          row.approvedOn,
          row.lastReviewedOn,
          row.nextReviewOn,
        ]),
      ).toEqual([['EV-QP-01', 'B/0', '2026-04-20', null, null]]);
      expect(april[0]?.sha256).toBe(sha256(revisedBytes));
      // Withdrawn during February: in force for part of it.
      const february = await rowsOf(FEBRUARY);
      expect(february.map((row) => [row.number, row.evidenceCode, row.withdrawnOn])).toEqual([
        ['EV-HT-01', 'suppliers', '2026-02-15'],
        ['EV-QP-01', 'documents', null],
      ]);
      const june = await rowsOf({ from: '2026-06-01', to: '2026-06-30' });
      expect(june.map((row) => row.number)).toEqual(['EV-QP-01', 'EV-ZS-01']);

      // Every value is one the writers can put in a cell of its column's kind, coded ones with their words.
      const { columns } = t.app.get(EvidenceSources).find('documents')!;
      for (const row of [...march, ...february]) {
        for (const { key, kind, values } of columns) {
          expect(key in row).toBe(true);
          expect(() => formatCell(row[key], kind, 'zh', t.config.companyTimeZone, values)).not.toThrow();
        }
      }
      expect(formatCell('procedure', 'text', 'zh', t.config.companyTimeZone, columns[2]?.values)).toBe(
        '程序文件',
      );
    });

    it('gives the audit pack the files of those versions, with ZIP-safe paths, to stream', async () => {
      const files = [];
      for await (const file of t.app.get(DocumentsService).currentFiles(APRIL)) {
        if (file.path.startsWith('documents/EV-')) files.push(file);
      }
      expect(
        files.map(({ path, fileName, sha256: hash, sizeBytes }) => ({ path, fileName, hash, sizeBytes })),
      ).toEqual([
        {
          path: 'documents/EV-QP-01-B_0-维修服务程序_B0.pdf',
          fileName: '维修服务程序:B0.pdf',
          hash: sha256(revisedBytes),
          sizeBytes: revisedBytes.length,
        },
      ]);
      const bytes = await buffer(await files[0]!.open());
      expect(bytes.equals(revisedBytes)).toBe(true);
    });
  });
});
