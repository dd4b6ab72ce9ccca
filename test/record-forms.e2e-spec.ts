import pdfParse from 'pdf-parse';
import { createOutlet } from './factories/registers';
import {
  type TicketDesk,
  type TicketView,
  act,
  api,
  createTicketDesk,
  session,
  ticketInState,
} from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { type TestApp, createTestApp } from './support/test-app';

/** A 1×1 PNG: enough for the form to draw the customer's signature. */
const SIGNATURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('record forms (维修记录单)', () => {
  let t: TestApp;
  let desk: TicketDesk;
  let auditor: string;
  let resolved: TicketView;

  const form = (ticketId: string, token: string, lang?: string) =>
    t
      .http()
      .get(`/api/v1/evidence/forms/repair-records/${ticketId}${lang ? `?lang=${lang}` : ''}`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
  const textOf = async (body: Buffer) => (await pdfParse(body)).text.replace(/\s+/g, '');

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo('2026-06-15T09:00:00+08:00');
    desk = await createTicketDesk(t);
    auditor = await t.tokenFor(['auditor']);
    const diagnosed = await ticketInState(t, desk, 'diagnosed');
    t.clock.setTo('2026-06-15T11:00:00+08:00');
    await act(t, desk, diagnosed, 'log_work', {
      startedAt: '2026-06-15T10:00:00+08:00',
      endedAt: '2026-06-15T10:40:00+08:00',
      description: '更换启动电容，试机制冷正常',
    });
    const upload = await t
      .http()
      .post('/api/v1/attachments')
      .set('Authorization', `Bearer ${desk.technician.token}`)
      .field('ownerType', 'ticket')
      .field('ownerId', diagnosed.id)
      .field('purpose', 'signature')
      .attach('file', SIGNATURE_PNG, { filename: 'signature.png', contentType: 'image/png' })
      .expect(201);
    resolved = await act(t, desk, diagnosed, 'resolve', {
      outcome: '更换电容后恢复制冷',
      customerName: '王芳',
      confirmedAt: '2026-06-15T10:50:00+08:00',
      signatureAttachmentId: upload.body.id as string,
    });
  });
  afterAll(() => t.close());

  it('prints the ticket as the paper form, with its work, charges, confirmation and history', async () => {
    const response = await form(resolved.id, desk.manager.token).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''`);
    const text = await textOf(response.body as Buffer);
    for (const expected of [
      '维修记录单',
      resolved.number,
      '一、客户与产品',
      '保修期内',
      '空调不制冷',
      '产品故障',
      '更换启动电容，试机制冷正常',
      '保修期内免费',
      '¥0.00',
      '王芳',
      '2026-06-1510:50',
      '七、处理过程',
      '报修登记',
      '完工确认',
      '第1页/共',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('未上传签名');
  });

  it('prints in English on request, and writes an audit entry for each print', async () => {
    const before = (await auditEntriesFor(t.dataSource, 'ticket', resolved.id)).length;
    const response = await form(resolved.id, auditor, 'en').expect(200);
    const text = await textOf(response.body as Buffer);
    expect(text).toContain('Repairrecord');
    expect(text).toContain('Inwarranty');
    const entries = await auditEntriesFor(t.dataSource, 'ticket', resolved.id);
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      action: 'evidence.form_printed',
      changes: { form: 'repair-record', language: 'en' },
    });
  });

  it('is for managers, auditors and admins; an outlet-bound manager sees only their outlet', async () => {
    await form(resolved.id, desk.technician.token).expect(403);
    await form(resolved.id, desk.dispatcher.token).expect(403);
    const elsewhere = await createOutlet(t.dataSource);
    const otherManager = await session(t, ['manager'], { outletId: elsewhere.id });
    await form(resolved.id, otherManager.token).expect(404);
    await form('not-a-uuid', desk.manager.token).expect(400);
    await api(t, desk.manager.token).get(`/tickets/${resolved.id}`).expect(200);
  });
});
