import { ExpiryScanService } from '../src/common/expiry/expiry-scan.service';
import { MessageEntity } from '../src/common/mail/message.entity';
import { createOutlet } from './factories/registers';
import { type TestApp, createTestApp } from './support/test-app';

/** The daily expiry check over the real registers: what managers are told, and that they are told once. */
describe('expiry alerts from the registers', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo('2026-06-01T09:00:00+08:00');
    manager = await t.tokenFor(['manager'], { email: 'manager@example.com', displayName: '王建国' });
  });
  afterAll(() => t.close());

  const alertsAbout = (type: string, id: string) =>
    t.dataSource
      .getRepository(MessageEntity)
      .findBy({ template: 'expiry-alert', relatedType: type, relatedId: id });

  it('mails the managers once about a qualification that is about to expire, not again on a second run', async () => {
    const technician = await t.createUser(['technician'], { displayName: '张伟' });
    const certificate = await t
      .http()
      .post('/api/v1/qualifications')
      .set('Authorization', `Bearer ${manager}`)
      .send({
        userId: technician.id,
        type: '电工证',
        certificateNumber: 'T-2023-0042',
        validUntil: '2026-06-15',
        productCategories: ['空调'],
      })
      .expect(201);

    const scan = () => t.app.get(ExpiryScanService).scan();
    await scan();
    await scan();
    const alerts = await alertsAbout('qualification', certificate.body.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ recipient: 'manager@example.com' });
    expect(alerts[0]?.subject).toContain('张伟的电工证');

    t.clock.setTo('2026-06-16T09:00:00+08:00');
    await scan();
    await scan();
    const afterExpiry = await alertsAbout('qualification', certificate.body.id);
    expect(afterExpiry.map((message) => message.subject.includes('已过期'))).toEqual([false, true]);
  });

  it("alerts about an outsourced outlet's service agreement thirty days ahead, once", async () => {
    t.clock.setTo('2026-06-01T09:00:00+08:00');
    const outlet = await createOutlet(t.dataSource, {
      code: 'WD-JX-102',
      name: '嘉兴南湖委外网点',
      kind: 'outsourced',
      agreementNumber: 'FW-2025-007',
      agreementValidFrom: '2025-07-01',
      agreementValidUntil: '2026-06-30',
    });
    const scan = () => t.app.get(ExpiryScanService).scan();
    await scan();
    await scan();
    const alerts = await alertsAbout('outlet', outlet.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.subject).toContain('WD-JX-102');
    expect(alerts[0]?.body).toContain('2026-06-30');
  });
});
