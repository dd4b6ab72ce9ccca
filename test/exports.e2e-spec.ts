import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import pdfParse from 'pdf-parse';
import type { ExportColumn, ExportPeriod, ExportRow } from '../src/evidence/domain/export-table';
import { type EvidenceSource, EvidenceSources } from '../src/evidence/evidence-sources';
import type { Role } from '../src/users/domain/roles';
import { auditEntriesFor } from './support/audit-entries';
import { exportBuildRows, runExportBuild } from './support/export-jobs';
import { type TestApp, createTestApp, eventually } from './support/test-app';

/**
 * Register exports end to end: requested over HTTP, built by running the job the outbox relay would
 * queue (as the worker does), downloaded and read back. The evidence sources are the test's own, under
 * codes no module registers yet, so that the rows of the period are known exactly.
 */

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

const COMPLAINT_COLUMNS: readonly ExportColumn[] = [
  { key: 'number', zh: '投诉编号', en: 'Number', kind: 'text', width: 14 },
  { key: 'receivedOn', zh: '受理日期', en: 'Received on', kind: 'date', width: 11 },
  { key: 'customer', zh: '客户名称', en: 'Customer', kind: 'text', width: 20 },
  { key: 'summary', zh: '投诉内容', en: 'Summary', kind: 'text', width: 30 },
  { key: 'compensation', zh: '补偿金额', en: 'Compensation', kind: 'money', width: 10 },
];

/** Complaints on both sides of the period's ends; the middle three are the period's. */
const COMPLAINTS: ExportRow[] = [
  {
    number: 'CP2025-000031',
    receivedOn: '2025-12-31',
    customer: '上海东方酒店',
    summary: '维修人员迟到',
    compensation: '0.00',
  },
  {
    number: 'CP2026-000001',
    receivedOn: '2026-01-01',
    customer: '杭州西湖茶楼',
    summary: '空调维修后仍有噪音',
    compensation: '120.50',
  },
  {
    number: 'CP2026-000002',
    receivedOn: '2026-03-15',
    customer: '苏州园林宾馆',
    summary: '配件等待时间过长',
    compensation: '0.00',
  },
  {
    number: 'CP2026-000003',
    receivedOn: '2026-06-30',
    customer: '南京金陵饭店',
    summary: '收费与标准不符',
    compensation: '80.00',
  },
  {
    number: 'CP2026-000004',
    receivedOn: '2026-07-01',
    customer: '无锡太湖会所',
    summary: '回访电话未接通',
    compensation: '0.00',
  },
];
const IN_PERIOD = COMPLAINTS.slice(1, 4);

const inPeriod = (period: ExportPeriod) =>
  COMPLAINTS.filter(
    (row) => (row.receivedOn as string) >= period.from && (row.receivedOn as string) <= period.to,
  );

const complaintsSource: EvidenceSource = {
  code: 'complaints',
  columns: COMPLAINT_COLUMNS,
  count: (period) => Promise.resolve(inPeriod(period).length),
  async *rows(period) {
    for (const row of inPeriod(period)) yield await Promise.resolve(row);
  },
};

/** Enough follow-up visits to fill the output's buffers many times over (about 1 MB of CSV). */
const FOLLOW_UPS = 10_000;
const followUpsSource: EvidenceSource = {
  code: 'follow-ups',
  columns: [
    { key: 'number', zh: '回访编号', en: 'Number', kind: 'text', width: 14 },
    { key: 'note', zh: '回访记录', en: 'Note', kind: 'text', width: 40 },
  ],
  count: () => Promise.resolve(FOLLOW_UPS),
  async *rows() {
    for (let index = 1; index <= FOLLOW_UPS; index += 1) {
      yield await Promise.resolve({
        number: `FU${index}`,
        note: '客户对维修结果满意，设备运行正常，无其他问题反馈。',
      });
    }
  },
};

const RECYCLING_COLUMNS: readonly ExportColumn[] = [
  { key: 'number', zh: '返修编号', en: 'Number', kind: 'text', width: 14 },
  { key: 'item', zh: '报废物品', en: 'Item', kind: 'text', width: 20 },
];
const BREAK_REASON = '读取报废记录时数据库连接中断';

/** Ten scrapped items; while `broken`, the read breaks after the fifth, as a dropped connection would. */
const recycling = {
  broken: true,
  source: {
    code: 'recycling',
    columns: RECYCLING_COLUMNS,
    count: () => Promise.resolve(10),
    async *rows() {
      for (let index = 1; index <= 10; index += 1) {
        if (index > 5 && recycling.broken) throw new Error(BREAK_REASON);
        yield await Promise.resolve({ number: `RG2026-${String(index).padStart(6, '0')}`, item: '压缩机' });
      }
    },
  } satisfies EvidenceSource,
};

interface ExportView {
  id: string;
  type: string;
  status: string;
  percent: number;
  error: string | null;
  attempts: number;
  params: Record<string, unknown>;
  files: { path: string; contentType: string; bytes: number; sha256: string; records: number }[];
  requestedBy: { id: string; name: string };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

describe('register exports', () => {
  let t: TestApp;
  let manager: { id: string; token: string };
  let auditor: string;
  let admin: string;

  const session = async (roles: Role[]) => {
    const user = await t.createUser(roles);
    const response = await t.login(user.username).expect(200);
    return { id: user.id, token: response.body.accessToken as string };
  };
  const as = (token: string) => ({
    get: (url: string) => t.http().get(`/api/v1${url}`).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(`/api/v1${url}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const requestExport = (body: Record<string, unknown>, token = manager.token) =>
    as(token).post('/exports', { type: 'register', ...PERIOD, ...body });
  const view = async (id: string, token = manager.token): Promise<ExportView> =>
    (await as(token).get(`/exports/${id}`).expect(200)).body as ExportView;
  const download = (id: string, token = manager.token) =>
    as(token)
      .get(`/exports/${id}/download`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  /** The export's build jobs, oldest first, as the outbox holds them. */
  /** Requests an export and runs its one build job; returns the export as it then stands. */
  const built = async (body: Record<string, unknown>): Promise<ExportView> => {
    const requested = await requestExport(body).expect(202);
    const [row] = await exportBuildRows(t, requested.body.id as string);
    await runExportBuild(t, row!);
    return view(requested.body.id as string);
  };
  /** Every file kept in the exports store for the export, partial ones included. */
  const storedFiles = async (exportId: string): Promise<string[]> => {
    try {
      const entries = await readdir(path.join(t.config.dataDir, 'exports', exportId), {
        recursive: true,
        withFileTypes: true,
      });
      return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  };
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  /** The worksheet's name and its rows as plain values. */
  const readSheet = async (bytes: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { name: sheet.name, rows };
  };
  const expectedCells = (row: ExportRow) => [
    row.number,
    row.receivedOn,
    row.customer,
    row.summary,
    Number(row.compensation),
  ];

  beforeAll(async () => {
    t = await createTestApp({ env: { COMPANY_NAME: '江南暖通设备有限公司' } });
    t.clock.setTo('2026-07-01T10:00:00+08:00');
    const sources = t.app.get(EvidenceSources);
    sources.register(complaintsSource);
    sources.register(recycling.source);
    sources.register(followUpsSource);
    manager = await session(['manager']);
    auditor = await t.tokenFor(['auditor']);
    admin = await t.tokenFor(['admin']);
  });
  afterAll(() => t.close());

  describe('a register in XLSX', () => {
    let done: ExportView;

    beforeAll(async () => {
      const requested = await requestExport({ evidence: 'complaints', format: 'xlsx' }).expect(202);
      expect(requested.body).toMatchObject({
        type: 'register',
        status: 'queued',
        percent: 0,
        error: null,
        files: [],
        attempts: 0,
        params: { evidence: 'complaints', ...PERIOD, format: 'xlsx', lang: 'zh' },
        requestedBy: { id: manager.id },
        startedAt: null,
        finishedAt: null,
      });
      const rows = await exportBuildRows(t, requested.body.id as string);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.requestId).toEqual(expect.any(String));
      expect(await runExportBuild(t, rows[0]!)).toBe('done');
      done = await view(requested.body.id as string);
    });

    it('is done at 100 % with the file named by evidence and period, its hash, size and record count', () => {
      expect(done).toMatchObject({
        status: 'done',
        percent: 100,
        error: null,
        attempts: 1,
        files: [
          {
            path: 'complaints_2026-01-01_2026-06-30.xlsx',
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            records: IN_PERIOD.length,
            sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
            bytes: expect.any(Number),
          },
        ],
      });
      expect(done.startedAt).not.toBeNull();
      expect(done.finishedAt).not.toBeNull();
    });

    it('downloads the bytes the export recorded, as an attachment named in UTF-8, tagged with the hash', async () => {
      const response = await download(done.id).expect(200);
      const file = done.files[0]!;
      const body = response.body as Buffer;
      expect(body.length).toBe(file.bytes);
      expect(sha256(body)).toBe(file.sha256);
      expect(response.headers['content-type']).toContain(file.contentType);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${file.path}"; filename*=UTF-8''${file.path}`,
      );
      expect(response.headers.etag).toBe(`"${file.sha256}"`);
    });

    it('holds a sheet with the Chinese title, the Chinese header and exactly the rows of the period', async () => {
      const sheet = await readSheet((await download(done.id).expect(200)).body as Buffer);
      expect(sheet.name).toBe('客户投诉记录');
      expect(sheet.rows).toEqual([
        COMPLAINT_COLUMNS.map((column) => column.zh),
        ...IN_PERIOD.map(expectedCells),
      ]);
    });

    it('writes the audit trail: requested with the parameters, completed with the hash, each download', async () => {
      const entries = await auditEntriesFor(t.dataSource, 'export', done.id);
      const file = done.files[0]!;
      expect(entries.map((entry) => entry.action)).toEqual([
        'export.requested',
        'export.completed',
        'export.downloaded',
        'export.downloaded',
      ]);
      expect(entries[0]).toMatchObject({
        actorId: manager.id,
        changes: { type: 'register', evidence: 'complaints', ...PERIOD, format: 'xlsx', lang: 'zh' },
      });
      expect(entries[1]).toMatchObject({
        actorId: null,
        changes: {
          evidence: 'complaints',
          files: [{ path: file.path, sha256: file.sha256, bytes: file.bytes, records: 3 }],
        },
      });
      expect(entries[2]).toMatchObject({
        actorId: manager.id,
        changes: { path: file.path, sha256: file.sha256 },
      });
    });

    it('does nothing when the job is delivered again', async () => {
      const [row] = await exportBuildRows(t, done.id);
      expect(await runExportBuild(t, row!)).toBeNull();
      expect(await view(done.id)).toEqual(done);
      expect(await storedFiles(done.id)).toHaveLength(1);
    });

    it('cannot be retried once done', async () => {
      const response = await as(manager.token).post(`/exports/${done.id}/retry`).expect(409);
      expect(response.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'done' } });
    });
  });

  it('is built by the worker once the outbox relay has queued its job', async () => {
    const requested = await requestExport({ evidence: 'complaints', format: 'csv' }).expect(202);
    await t.relay();
    const done = await eventually(async () => {
      const current = await view(requested.body.id as string);
      return current.status === 'done' && current;
    });
    expect(done).toMatchObject({ percent: 100, files: [{ records: IN_PERIOD.length }] });
  });

  it('labels the register in English with lang=en', async () => {
    const done = await built({ evidence: 'complaints', format: 'xlsx', lang: 'en' });
    const sheet = await readSheet((await download(done.id).expect(200)).body as Buffer);
    expect(sheet.name).toBe('Complaints');
    expect(sheet.rows).toEqual([
      COMPLAINT_COLUMNS.map((column) => column.en),
      ...IN_PERIOD.map(expectedCells),
    ]);
  });

  it('writes CSV in UTF-8 with a byte-order mark, parsing back to the header and the rows of the period', async () => {
    const done = await built({ evidence: 'complaints', format: 'csv' });
    expect(done.files[0]).toMatchObject({ path: 'complaints_2026-01-01_2026-06-30.csv', records: 3 });
    const body = (await download(done.id).expect(200)).body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sha256(body)).toBe(done.files[0]!.sha256);
    const records = parse(body.subarray(3).toString('utf8'));
    expect(records).toEqual([
      COMPLAINT_COLUMNS.map((column) => column.zh),
      ...IN_PERIOD.map((row) => [row.number, row.receivedOn, row.customer, row.summary, row.compensation]),
    ]);
  });

  it('writes a PDF whose text holds the Chinese title, the company, the period and its records', async () => {
    const done = await built({ evidence: 'complaints', format: 'pdf' });
    expect(done.files[0]).toMatchObject({
      path: 'complaints_2026-01-01_2026-06-30.pdf',
      contentType: 'application/pdf',
    });
    const body = (await download(done.id).expect(200)).body as Buffer;
    const text = (await pdfParse(body)).text.replace(/\s+/g, '');
    expect(text).toContain('客户投诉记录');
    expect(text).toContain('江南暖通设备有限公司·期间2026-01-01至2026-06-30·生成时间2026-07-0110:00');
    expect(text).toContain('空调维修后仍有噪音');
    expect(text).toContain('CP2026-000003');
    expect(text).not.toContain('CP2026-000004');
  });

  describe('a build that fails half way', () => {
    let failed: ExportView;

    beforeAll(async () => {
      recycling.broken = true;
      const requested = await requestExport({ evidence: 'recycling', format: 'xlsx' }).expect(202);
      const [row] = await exportBuildRows(t, requested.body.id as string);
      expect(await runExportBuild(t, row!)).toBe('failed');
      failed = await view(requested.body.id as string);
    });

    it('is failed with the reason, lists no file and keeps nothing in the store', async () => {
      expect(failed).toMatchObject({ status: 'failed', error: BREAK_REASON, files: [], attempts: 1 });
      expect(failed.finishedAt).not.toBeNull();
      expect(await storedFiles(failed.id)).toEqual([]);
      const entries = await auditEntriesFor(t.dataSource, 'export', failed.id);
      expect(entries.map((entry) => entry.action)).toEqual(['export.requested', 'export.failed']);
      expect(entries[1]!.changes).toMatchObject({ error: BREAK_REASON, attempt: 1 });
    });

    it('cannot be downloaded: 409 with the status', async () => {
      const response = await download(failed.id).expect(409);
      expect(JSON.parse((response.body as Buffer).toString('utf8'))).toMatchObject({
        code: 'CONFLICT',
        details: { status: 'failed' },
      });
    });

    it('is not built again by a second delivery of its job: it waits for a person', async () => {
      const [row] = await exportBuildRows(t, failed.id);
      expect(await runExportBuild(t, row!)).toBeNull();
      expect((await view(failed.id)).status).toBe('failed');
    });

    it('builds on retry once the source is fixed', async () => {
      recycling.broken = false;
      const retried = await as(auditor).post(`/exports/${failed.id}/retry`).expect(202);
      expect(retried.body).toMatchObject({ status: 'queued', error: null, percent: 0, files: [] });
      const rows = await exportBuildRows(t, failed.id);
      expect(rows).toHaveLength(2);
      expect(await runExportBuild(t, rows[1]!)).toBe('done');
      const done = await view(failed.id);
      expect(done).toMatchObject({ status: 'done', percent: 100, attempts: 2, files: [{ records: 10 }] });
      const body = (await download(done.id, admin).expect(200)).body as Buffer;
      expect(sha256(body)).toBe(done.files[0]!.sha256);
      expect(await storedFiles(failed.id)).toHaveLength(1);
      const actions = (await auditEntriesFor(t.dataSource, 'export', failed.id)).map((entry) => entry.action);
      expect(actions).toEqual([
        'export.requested',
        'export.failed',
        'export.retried',
        'export.completed',
        'export.downloaded',
      ]);
    });
  });

  it.each(['csv', 'pdf'])('fails cleanly half way in %s too, keeping nothing', async (format) => {
    recycling.broken = true;
    const requested = await requestExport({ evidence: 'recycling', format }).expect(202);
    const [row] = await exportBuildRows(t, requested.body.id as string);
    expect(await runExportBuild(t, row!)).toBe('failed');
    expect(await view(requested.body.id as string)).toMatchObject({ status: 'failed', error: BREAK_REASON });
    expect(await storedFiles(requested.body.id as string)).toEqual([]);
  });

  it("fails with the store's own reason when the file cannot be stored, without waiting on its output", async () => {
    const requested = await requestExport({ evidence: 'follow-ups', format: 'csv' }).expect(202);
    const id = requested.body.id as string;
    // A plain file where the export's folder should be: the store cannot create the folder.
    await mkdir(path.join(t.config.dataDir, 'exports'), { recursive: true });
    await writeFile(path.join(t.config.dataDir, 'exports', id), 'in the way');
    const [row] = await exportBuildRows(t, id);
    expect(await runExportBuild(t, row!)).toBe('failed');
    const failed = await view(id);
    expect(failed).toMatchObject({ status: 'failed', files: [] });
    expect(failed.error).toMatch(/EEXIST|ENOTDIR/);
    await rm(path.join(t.config.dataDir, 'exports', id));
  });

  it('builds once when the same job is delivered twice at the same time', async () => {
    const requested = await requestExport({ evidence: 'complaints', format: 'csv' }).expect(202);
    const [row] = await exportBuildRows(t, requested.body.id as string);
    const outcomes = await Promise.all([runExportBuild(t, row!), runExportBuild(t, row!)]);
    expect(outcomes.sort()).toEqual(['done', null].sort());
    const done = await view(requested.body.id as string);
    expect(done).toMatchObject({ status: 'done', attempts: 1 });
    expect(await storedFiles(done.id)).toHaveLength(1);
    const actions = (await auditEntriesFor(t.dataSource, 'export', done.id)).map((entry) => entry.action);
    expect(actions).toEqual(['export.requested', 'export.completed']);
  });

  it('lets a build that died (no progress for 10 minutes) be retried, but not a live one', async () => {
    const requested = await requestExport({ evidence: 'complaints', format: 'csv' }).expect(202);
    const id = requested.body.id as string;
    // What a worker killed mid-build leaves: the row claimed and running, its job consumed.
    await t.dataSource.query(
      `UPDATE exports SET status = 'running', attempts = 1, started_at = $2, progress_at = $2 WHERE id = $1`,
      [id, t.clock.now()],
    );
    const [row] = await exportBuildRows(t, id);
    expect(await runExportBuild(t, row!)).toBeNull();
    const live = await as(manager.token).post(`/exports/${id}/retry`).expect(409);
    expect(live.body).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'running' } });
    t.clock.advance(10 * 60 * 1000);
    await as(manager.token).post(`/exports/${id}/retry`).expect(202);
    const rows = await exportBuildRows(t, id);
    expect(await runExportBuild(t, rows[1]!)).toBe('done');
    expect(await view(id)).toMatchObject({ status: 'done', attempts: 2, files: [{ records: 3 }] });
  });

  it('cannot be downloaded before it is done', async () => {
    const requested = await requestExport({ evidence: 'complaints', format: 'pdf' }).expect(202);
    const response = await download(requested.body.id as string).expect(409);
    expect(JSON.parse((response.body as Buffer).toString('utf8'))).toMatchObject({
      code: 'CONFLICT',
      details: { status: 'queued' },
    });
  });

  it('answers a repeated request with the same Idempotency-Key with the first export', async () => {
    const body = { type: 'register', evidence: 'complaints', ...PERIOD, format: 'csv' };
    const first = await as(auditor)
      .post('/exports', body)
      .set('Idempotency-Key', 'export-once-1')
      .expect(202);
    const again = await as(auditor)
      .post('/exports', body)
      .set('Idempotency-Key', 'export-once-1')
      .expect(202);
    expect(again.body.id).toBe(first.body.id);
    expect(await exportBuildRows(t, first.body.id as string)).toHaveLength(1);
  });

  it('lists every export newest first, in pages, to managers, auditors and admins', async () => {
    const all = await as(auditor).get('/exports?pageSize=200').expect(200);
    const items = all.body.items as ExportView[];
    expect(all.body.total).toBe(items.length);
    const times = items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const second = await as(admin).get('/exports?page=2&pageSize=2').expect(200);
    expect((second.body.items as ExportView[]).map((item) => item.id)).toEqual(
      items.slice(2, 4).map((item) => item.id),
    );
  });

  describe('validation', () => {
    const fieldsOf = (body: { details: { fields: { field: string; problems: string[] }[] } }) =>
      body.details.fields.map((field) => field.field);

    it('asks nothing of a register for an audit pack, and checks only its own fields (test/audit-pack)', async () => {
      const pack = await as(manager.token)
        .post('/exports', { type: 'pack', ...PERIOD, evidence: 'invoices', format: 'docx', sampleSize: 0 })
        .expect(400);
      expect(fieldsOf(pack.body)).toEqual(['sampleSize']);
    });

    it('names an evidence type that does not exist, a bad format, a period backwards', async () => {
      const unknown = await requestExport({ evidence: 'invoices', format: 'xlsx' }).expect(400);
      expect(fieldsOf(unknown.body)).toEqual(['evidence']);
      const format = await requestExport({ evidence: 'complaints', format: 'docx' }).expect(400);
      expect(fieldsOf(format.body)).toEqual(['format']);
      const backwards = await requestExport({
        evidence: 'complaints',
        format: 'csv',
        from: '2026-07-01',
      }).expect(400);
      expect(fieldsOf(backwards.body)).toEqual(['to']);
      const dates = await requestExport({
        evidence: 'complaints',
        format: 'csv',
        from: '2026-02-30',
        to: 'June',
      }).expect(400);
      expect(fieldsOf(dates.body).sort()).toEqual(['from', 'to']);
      const lang = await requestExport({ evidence: 'complaints', format: 'csv', lang: 'fr' }).expect(400);
      expect(fieldsOf(lang.body)).toEqual(['lang']);
      expect(await t.dataSource.query(`SELECT 1 FROM exports WHERE params ->> 'lang' = 'fr'`)).toEqual([]);
    });

    it('answers 404 for an unknown export', async () => {
      await as(manager.token).get('/exports/7f1c1f9e-1111-4111-8111-111111111111').expect(404);
    });
  });

  it.each<Role>(['technician', 'agent', 'dispatcher', 'returns_clerk'])(
    'refuses the %s role with 403',
    async (role) => {
      const token = await t.tokenFor([role]);
      const [someExport] = (await as(manager.token).get('/exports').expect(200)).body.items as ExportView[];
      await requestExport({ evidence: 'complaints', format: 'csv' }, token).expect(403);
      await as(token).get('/exports').expect(403);
      await as(token).get(`/exports/${someExport!.id}`).expect(403);
      await download(someExport!.id, token).expect(403);
      await as(token).post(`/exports/${someExport!.id}/retry`).expect(403);
    },
  );
});
