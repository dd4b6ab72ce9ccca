import { readdir } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import pdfParse from 'pdf-parse';
import { drawSample } from '../src/evidence/domain/sampling';
import { type EvidenceSource, EvidenceSources } from '../src/evidence/evidence-sources';
import { PACK_TEMP_PREFIX, type PackManifestFile } from '../src/evidence/pack/audit-pack-builder';
import { type TicketDesk, type TicketView, act, createTicketDesk, ticketInState } from './factories/tickets';
import { type DocumentBody, currentDocument, pdfBytes } from './factories/documents';
import { auditEntriesFor } from './support/audit-entries';
import { buildExport, sha256, unzip } from './support/export-jobs';
import { type TestApp, createTestApp } from './support/test-app';

/**
 * The audit pack end to end: tickets made through the API, the pack requested over HTTP, its build
 * job run as the worker runs it, the ZIP downloaded and unzipped, and every file checked against the
 * manifest and the evidence catalog.
 */

const COMPANY = '江南暖通设备有限公司';
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };
const RESOLVED = 8;

interface ExportView {
  id: string;
  type: string;
  status: string;
  percent: number;
  error: string | null;
  params: Record<string, unknown>;
  files: { path: string; contentType: string; bytes: number; sha256: string; records: number }[];
}

interface Manifest {
  generator: { name: string; version: string };
  parameters: Record<string, unknown>;
  auditLog: { verified: boolean; headSeq: string | null; headHash: string };
  files: PackManifestFile[];
}

describe('the audit pack', () => {
  let t: TestApp;
  let desk: TicketDesk;
  let auditor: string;
  const resolved: TicketView[] = [];
  let manual: DocumentBody;

  const as = (token: string) => ({
    get: (url: string) => t.http().get(`/api/v1${url}`).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object = {}) =>
      t.http().post(`/api/v1${url}`).set('Authorization', `Bearer ${token}`).send(body),
  });
  const requestPack = (body: Record<string, unknown> = {}, token = desk.manager.token) =>
    as(token).post('/exports', { type: 'pack', ...PERIOD, ...body });
  const view = async (id: string): Promise<ExportView> =>
    (await as(desk.manager.token).get(`/exports/${id}`).expect(200)).body as ExportView;
  const download = (id: string) =>
    as(desk.manager.token)
      .get(`/exports/${id}/download`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
  /** Requests a pack, builds it and returns it with its unzipped files. */
  const builtPack = async (body: Record<string, unknown>) => {
    const requested = await requestPack(body).expect(202);
    await buildExport(t, requested.body.id as string);
    const done = await view(requested.body.id as string);
    const zip = (await download(done.id).expect(200)).body as Buffer;
    return { done, zip, files: await unzip(zip) };
  };
  const manifestOf = (files: Map<string, Buffer>) =>
    JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
  const formsIn = (files: Map<string, Buffer>) =>
    [...files.keys()].filter((name) => name.startsWith('forms/repair-records/')).sort();
  /** The form paths a draw of the resolved tickets with this seed must give. */
  const expectedForms = (seed: string, size: number) => {
    const byId = new Map(resolved.map((ticket) => [ticket.id, ticket.number]));
    return drawSample(
      resolved.map((ticket) => ticket.id),
      size,
      seed,
    )
      .map((id) => `forms/repair-records/${byId.get(id)}.pdf`)
      .sort();
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
  const tempFoldersOf = async (exportId: string) =>
    (await readdir(os.tmpdir())).filter((name) => name.startsWith(`${PACK_TEMP_PREFIX}${exportId}`));

  beforeAll(async () => {
    t = await createTestApp({ env: { COMPANY_NAME: COMPANY } });
    t.clock.setTo('2026-03-10T09:00:00+08:00');
    desk = await createTicketDesk(t);
    auditor = await t.tokenFor(['auditor']);
    for (let i = 0; i < RESOLVED; i += 1) {
      const diagnosed = await ticketInState(t, desk, 'diagnosed');
      t.clock.advance(30 * 60 * 1000);
      await act(t, desk, diagnosed, 'log_work');
      resolved.push(await act(t, desk, diagnosed, 'resolve'));
    }
    // One still open: a repair request of the period, but no repair record.
    await ticketInState(t, desk, 'dispatched');
    manual = await currentDocument(t, desk.manager.token, { number: 'QP-7.5-01' }, { label: 'A/0' });
    t.clock.setTo('2026-04-02T10:00:00+08:00');
  });
  afterAll(() => t.close());

  describe('a pack with a sample of three', () => {
    let pack: Awaited<ReturnType<typeof builtPack>>;

    beforeAll(async () => {
      pack = await builtPack({ sampleSize: 3, seed: 'seed-a' });
    });

    it('is done, with the ZIP as its one file, and its hash in the audit trail', async () => {
      expect(pack.done).toMatchObject({
        type: 'pack',
        status: 'done',
        percent: 100,
        error: null,
        params: { ...PERIOD, lang: 'zh', sampleSize: 3, seed: 'seed-a' },
      });
      expect(pack.done.files).toEqual([
        {
          path: 'audit-pack_2026-03-01_2026-03-31.zip',
          contentType: 'application/zip',
          bytes: pack.zip.length,
          sha256: sha256(pack.zip),
          records: pack.files.size,
        },
      ]);
      const completed = (await auditEntriesFor(t.dataSource, 'export', pack.done.id)).find(
        (entry) => entry.action === 'export.completed',
      );
      expect(completed?.changes.files).toEqual(pack.done.files);
      expect(await tempFoldersOf(pack.done.id)).toEqual([]);
    });

    it('lists every other file in the manifest with the SHA-256 and bytes it has', () => {
      const manifest = manifestOf(pack.files);
      expect(manifest.files.map((file) => file.path).sort()).toEqual(
        [...pack.files.keys()].filter((name) => name !== 'manifest.json').sort(),
      );
      for (const file of manifest.files) {
        const bytes = pack.files.get(file.path)!;
        expect({ path: file.path, sha256: file.sha256, bytes: file.bytes }).toEqual({
          path: file.path,
          sha256: sha256(bytes),
          bytes: bytes.length,
        });
      }
      expect(manifest.generator).toEqual({ name: 'aftersales-service', version: expect.any(String) });
      expect(manifest.parameters).toEqual({ ...PERIOD, lang: 'zh', sampleSize: 3, seed: 'seed-a' });
    });

    it('holds every register in XLSX and PDF with the records the catalog counts', async () => {
      const catalog = await as(auditor).get(`/evidence?from=${PERIOD.from}&to=${PERIOD.to}`).expect(200);
      const types = catalog.body.types as { code: string; count: number }[];
      expect(types.map((type) => type.code).sort()).toEqual(t.app.get(EvidenceSources).codes().sort());
      expect(types.find((type) => type.code === 'repair-records')?.count).toBe(RESOLVED);
      const records = new Map(manifestOf(pack.files).files.map((file) => [file.path, file.records]));
      for (const { code, count } of types) {
        expect([code, records.get(`registers/${code}.xlsx`)]).toEqual([code, count]);
        expect([code, records.get(`registers/${code}.pdf`)]).toEqual([code, count]);
      }
      for (const name of ['index.pdf', 'sampling.txt', 'audit-trail/verification.json', 'manifest.json']) {
        expect(pack.files.has(name)).toBe(true);
      }
    });

    it('encloses the file of each controlled document in force, as it was approved', async () => {
      const file = 'documents/QP-7.5-01-A_0-QP-7.5-01.pdf';
      expect([...pack.files.keys()].filter((name) => name.startsWith('documents/'))).toEqual([file]);
      expect(pack.files.get(file)).toEqual(pdfBytes(manual.id));
      const listed = manifestOf(pack.files).files.find((entry) => entry.path === file);
      expect(listed).toMatchObject({ sha256: manual.currentVersion?.file.sha256, records: 1 });
      const index = (await pdfParse(pack.files.get('index.pdf')!)).text.replace(/\s+/g, '');
      expect(index).toContain('随附文件');
      expect(index).toContain('documents/');
    });

    it('prints the drawn repair records as forms and says how they were drawn', async () => {
      expect(formsIn(pack.files)).toEqual(expectedForms('seed-a', 3));
      const [first] = formsIn(pack.files);
      const number = path.basename(first!, '.pdf');
      expect((await pdfParse(pack.files.get(first!)!)).text).toContain(number);
      const sampling = pack.files.get('sampling.txt')!.toString('utf8');
      expect(sampling).toContain('维修记录单 (repair-records)');
      expect(sampling).toContain(`共 ${RESOLVED} 份`);
      expect(sampling).toContain('seed-a');
    });

    it('indexes the evidence and pins the audit log as it stood', async () => {
      const index = (await pdfParse(pack.files.get('index.pdf')!)).text.replace(/\s+/g, '');
      for (const expected of [
        '审核资料包索引',
        COMPANY,
        'repair-records',
        '维修记录单',
        'seed-a',
        '随附文件',
      ]) {
        expect(index).toContain(expected);
      }
      const verification = JSON.parse(pack.files.get('audit-trail/verification.json')!.toString('utf8'));
      expect(verification).toMatchObject({ ok: true, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const manifest = manifestOf(pack.files);
      expect(manifest.auditLog).toEqual({
        verified: true,
        headSeq: verification.headSeq,
        headHash: verification.headHash,
      });
      const [head] = await t.dataSource.query(`SELECT hash FROM audit_log WHERE seq = $1`, [
        manifest.auditLog.headSeq,
      ]);
      expect(head.hash).toBe(manifest.auditLog.headHash);
    });
  });

  it('draws the same forms with the same seed and others with another', async () => {
    expect(expectedForms('seed-b', 3)).not.toEqual(expectedForms('seed-a', 3));
    const again = await builtPack({ sampleSize: 3, seed: 'seed-a' });
    expect(formsIn(again.files)).toEqual(expectedForms('seed-a', 3));
    const other = await builtPack({ sampleSize: 3, seed: 'seed-b' });
    expect(formsIn(other.files)).toEqual(expectedForms('seed-b', 3));
  });

  it('chooses and records a seed, with the default sample size, when none is given', async () => {
    const requested = await requestPack({}, auditor).expect(202);
    expect(requested.body.params).toEqual({
      ...PERIOD,
      lang: 'zh',
      sampleSize: 4,
      seed: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('is refused to a technician, and with a bad sample size or seed', async () => {
    await requestPack({}, desk.technician.token).expect(403);
    const size = await requestPack({ sampleSize: 0 }).expect(400);
    expect(size.body.details.fields.map((field: { field: string }) => field.field)).toEqual(['sampleSize']);
    const seed = await requestPack({ seed: 'a b' }).expect(400);
    expect(seed.body.details.fields.map((field: { field: string }) => field.field)).toEqual(['seed']);
  });

  // Last: the breaking source stays registered for the rest of the app's life.
  it('fails as a whole when a register breaks half way: nothing downloadable, no temp files left', async () => {
    const breaking: EvidenceSource = {
      code: 'surveys',
      columns: [{ key: 'number', zh: '编号', en: 'Number', kind: 'text', width: 14 }],
      count: () => Promise.resolve(10),
      async *rows() {
        for (let index = 1; index <= 10; index += 1) {
          if (index > 5) throw new Error('读取满意度调查时数据库连接中断');
          yield await Promise.resolve({ id: String(index), number: `SV${index}` });
        }
      },
    };
    t.app.get(EvidenceSources).register(breaking);
    const requested = await requestPack({ seed: 'seed-a' }).expect(202);
    expect(await buildExport(t, requested.body.id as string)).toBe('failed');
    const failed = await view(requested.body.id as string);
    expect(failed).toMatchObject({ status: 'failed', files: [], error: '读取满意度调查时数据库连接中断' });
    await download(failed.id).expect(409);
    expect(await storedFiles(failed.id)).toEqual([]);
    expect(await tempFoldersOf(failed.id)).toEqual([]);
  });
});
