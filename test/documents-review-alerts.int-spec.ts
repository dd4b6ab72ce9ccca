import { ExpiryScanService } from '../src/common/expiry/expiry-scan.service';
import { MessageEntity } from '../src/common/mail/message.entity';
import { type DocumentBody, currentDocument } from './factories/documents';
import { type TestApp, createTestApp } from './support/test-app';

/** Documents due for review (复审) in the daily expiry check: what managers read, and that they read it once per stage. */
describe('document review alerts from the daily expiry check', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo('2026-06-01T09:00:00+08:00');
    manager = await t.tokenFor(['manager'], { email: 'manager@example.com', displayName: '王建国' });
  });
  afterAll(() => t.close());

  const scan = () => t.app.get(ExpiryScanService).scan();
  const alertsAbout = (id: string) =>
    t.dataSource.getRepository(MessageEntity).find({
      where: { template: 'expiry-alert', relatedType: 'document', relatedId: id },
      order: { createdAt: 'ASC' },
    });
  const post = (path: string, body: object) =>
    t.http().post(`/api/v1/documents${path}`).set('Authorization', `Bearer ${manager}`).send(body);

  let legalRegister: DocumentBody;

  it('mails the managers once when a review comes due, and once more when it is overdue, worded as a review', async () => {
    legalRegister = await currentDocument(
      t,
      manager,
      { number: 'FL-01', title: '法律法规及其他要求清单', category: 'legal_register' },
      { approvedOn: '2025-06-20', nextReviewOn: '2026-06-20' },
    );
    await scan();
    await scan();
    const due = await alertsAbout(legalRegister.id);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      recipient: 'manager@example.com',
      subject: '【售后服务系统】即将到期：受控文件 FL-01《法律法规及其他要求清单》的复审期限',
    });
    expect(due[0]?.body).toContain(
      '受控文件 FL-01《法律法规及其他要求清单》的复审期限将于 2026-06-20 到期（剩余 19 天）',
    );

    const listed = await t
      .http()
      .get('/api/v1/expiries')
      .set('Authorization', `Bearer ${manager}`)
      .expect(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        source: 'documents',
        subjectType: 'document',
        subjectId: legalRegister.id,
        item: 'review',
        validUntil: '2026-06-20',
        threshold: 'expiring',
      }),
    );

    t.clock.setTo('2026-06-21T09:00:00+08:00');
    await scan();
    await scan();
    const overdue = await alertsAbout(legalRegister.id);
    expect(overdue.map((message) => message.subject)).toEqual([
      '【售后服务系统】即将到期：受控文件 FL-01《法律法规及其他要求清单》的复审期限',
      '【售后服务系统】已过期：受控文件 FL-01《法律法规及其他要求清单》的复审期限',
    ]);
    expect(overdue[1]?.body).toContain('的复审期限已于 2026-06-20 到期');
  });

  it('starts a new cycle when a review sets the next date, and stays quiet until it comes due', async () => {
    t.clock.setTo('2026-06-21T09:00:00+08:00');
    await post(`/${legalRegister.id}/reviews`, {
      reviewedOn: '2026-06-21',
      reviewedBy: '王建国',
      nextReviewOn: '2027-06-21',
    }).expect(201);
    await scan();
    expect(await alertsAbout(legalRegister.id)).toHaveLength(2);

    t.clock.setTo('2027-05-25T09:00:00+08:00');
    await scan();
    await scan();
    const alerts = await alertsAbout(legalRegister.id);
    expect(alerts).toHaveLength(3);
    expect(alerts[2]?.body).toContain('将于 2027-06-21 到期');
  });

  it('says nothing of a withdrawn document or a draft', async () => {
    t.clock.setTo('2026-06-01T09:00:00+08:00');
    const contract = await currentDocument(
      t,
      manager,
      { number: 'HT-01', title: '委外维修服务合同', category: 'contract' },
      { approvedOn: '2025-06-10', nextReviewOn: '2026-06-10' },
    );
    await post(`/${contract.id}/withdraw`, { reason: '合同终止' }).expect(200);
    const unpublished = await post('', { number: 'QP-DRAFT', title: '草稿', category: 'procedure' }).expect(
      201,
    );
    await scan();
    expect(await alertsAbout(contract.id)).toEqual([]);
    expect(await alertsAbout(unpublished.body.id as string)).toEqual([]);
  });
});
