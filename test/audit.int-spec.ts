import { DataSource } from 'typeorm';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { AuditService } from '../src/audit/audit.service';
import { UserEntity } from '../src/users/user.entity';
import { TestApp, createTestApp } from './support/test-app';

describe('audit trail', () => {
  let t: TestApp;
  let audit: AuditService;
  let dataSource: DataSource;
  const actor = { id: null, username: 'system' };

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
    dataSource = t.dataSource;
  });
  afterAll(() => t.close());

  const count = () => dataSource.getRepository(AuditLogEntity).count();

  it('writes exactly one entry for a change made through the API', async () => {
    const admin = await t.tokenFor(['admin']);
    const before = await count();
    const created = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'audited', displayName: 'A', password: 'long-enough', roles: ['agent'] })
      .expect(201);
    expect(await count()).toBe(before + 1);
    const entries = await t
      .http()
      .get(`/api/v1/audit-log?entityType=user&entityId=${created.body.id as string}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(entries.body.total).toBe(1);
    expect(entries.body.items[0]).toMatchObject({ action: 'user.created', actorName: expect.any(String) });
    expect(entries.body.items[0].requestId).toEqual(expect.any(String));
  });

  it('writes neither the change nor its entry when the use case fails after its audit entry', async () => {
    const admin = await t.tokenFor(['admin']);
    const before = await count();
    const original = AuditService.prototype.append;
    const failAfterAppend = jest
      .spyOn(AuditService.prototype, 'append')
      .mockImplementationOnce(async function (
        this: AuditService,
        ...args: Parameters<AuditService['append']>
      ) {
        await original.apply(this, args);
        throw new Error('failure after the audit entry was written');
      });
    await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'half-written', displayName: 'H', password: 'long-enough', roles: ['agent'] })
      .expect(500);
    failAfterAppend.mockRestore();
    expect(await count()).toBe(before);
    expect(await dataSource.getRepository(UserEntity).findOneBy({ username: 'half-written' })).toBeNull();
  });

  it('writes nothing when the change rolls back', async () => {
    const before = await count();
    await expect(
      dataSource.transaction(async (tx) => {
        await tx.getRepository(UserEntity).insert({
          username: 'rolled-back',
          displayName: 'R',
          passwordHash: 'x',
          roles: ['agent'],
        });
        await audit.append(tx, { actor, action: 'user.created', entityType: 'user', entityId: 'r' });
        throw new Error('something after the audit entry failed');
      }),
    ).rejects.toThrow('something after');
    expect(await count()).toBe(before);
    expect(await dataSource.getRepository(UserEntity).findOneBy({ username: 'rolled-back' })).toBeNull();
  });

  it('stays one unbroken chain under many concurrent writers', async () => {
    const before = await count();
    await Promise.all(
      Array.from({ length: 60 }, (_unused, i) =>
        audit.appendAlone({
          actor,
          action: 'test.concurrent',
          entityType: 'test',
          entityId: String(i),
          changes: { i },
        }),
      ),
    );
    expect(await count()).toBe(before + 60);
    const result = await audit.verify();
    const newest = await dataSource.getRepository(AuditLogEntity).find({ order: { seq: 'DESC' }, take: 1 });
    expect(result).toEqual({
      ok: true,
      checked: before + 60,
      headSeq: newest[0]?.seq,
      headHash: newest[0]?.hash,
    });
    const seqs = (await dataSource.getRepository(AuditLogEntity).find({ order: { seq: 'ASC' } })).map((e) =>
      Number(e.seq),
    );
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_unused, i) => i + 1));
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await audit.appendAlone({ actor, action: 'test.guarded', entityType: 'test', entityId: 'g' });
    await expect(dataSource.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('reports the sequence of a row altered behind its back', async () => {
    const target = await audit.appendAlone({
      actor,
      action: 'test.tampered',
      entityType: 'test',
      entityId: 't',
      changes: { amount: 100 },
    });
    await audit.appendAlone({ actor, action: 'test.after', entityType: 'test', entityId: 'a' });
    expect((await audit.verify()).ok).toBe(true);

    // A superuser switches the guard off and edits the row, as an attacker with database access could.
    await dataSource.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await tx.query(`UPDATE audit_log SET changes = '{"amount": 1}' WHERE seq = $1`, [target.seq]);
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });

    const admin = await t.tokenFor(['auditor']);
    const verify = await t
      .http()
      .get('/api/v1/audit-log/verify')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(verify.body).toMatchObject({ ok: false, firstBrokenSeq: target.seq });
    expect(verify.body.checked).toBe(Number(target.seq) - 1);
    expect(verify.body.headSeq).toBe(String(Number(target.seq) - 1));
  });
});
