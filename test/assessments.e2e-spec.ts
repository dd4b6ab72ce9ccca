import ExcelJS from 'exceljs';
import { AssessmentsService } from '../src/assessments/assessments.service';
import { DEFAULT_RULE_SET } from '../src/assessments/domain/default-rule-set';
import {
  type Session,
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
import { runTicketEvent, ticketOutboxRows } from './support/ticket-jobs';

const T0 = '2026-07-10T09:00:00+08:00';
const DAY = 24 * 3_600_000;
const at = (days: number) => new Date(new Date(T0).getTime() + days * DAY);

interface ItemView {
  code: string;
  type: string;
  points: number;
  status: string;
  [field: string]: unknown;
}

interface AssessmentView {
  id: string;
  version: number;
  status: string;
  ruleSet: { id: string; versionNumber: number; indicative: boolean };
  score: Record<string, unknown> & { final: number | null; level: string | null };
  indicators: { indicator: string; points: number; lost: number; scoreCost: number }[];
  items: ItemView[];
  adjustments: { id: string; kind: string }[];
  [field: string]: unknown;
}

interface FieldProblems {
  details: { fields: { field: string; problems: string[] }[] };
}

const fieldsOf = (body: unknown) => (body as FieldProblems).details.fields.map((entry) => entry.field);

/** The GB/T 27922 self-assessment: rule sets, assessments, suggestions, gaps. */
describe('assessments (自评)', () => {
  let t: TestApp;
  let desk: TicketDesk;
  let manager: Session;
  let auditor: Session;
  let admin: Session;
  let defaultRuleSetId: string;

  const as = (who: Session) => api(t, who.token);
  const put = (who: Session, path: string, body: object) =>
    t.http().put(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`).send(body);
  const del = (who: Session, path: string) =>
    t.http().delete(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`);
  const upload = (who: Session, bytes: Buffer, filename: string, contentType: string) =>
    t
      .http()
      .post('/api/v1/rule-sets/import')
      .set('Authorization', `Bearer ${who.token}`)
      .attach('file', bytes, { filename, contentType });

  const create = async (body: Record<string, unknown> = {}): Promise<AssessmentView> => {
    const response = await as(manager).post('/assessments', {
      from: '2026-06-01',
      to: '2026-06-30',
      ruleSetId: defaultRuleSetId,
      ...body,
    });
    if (response.status !== 201)
      throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as AssessmentView;
  };
  const record = async (id: string, code: string, body: object): Promise<AssessmentView> => {
    const response = await put(manager, `/assessments/${id}/items/${code}`, body);
    if (response.status !== 200)
      throw new Error(`record ${code}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as AssessmentView;
  };
  const adjust = (id: string, body: object) => as(manager).post(`/assessments/${id}/adjustments`, body);
  const view = async (id: string, who: Session = manager) =>
    (await as(who).get(`/assessments/${id}`).expect(200)).body as AssessmentView;

  /** Every item recorded: qualitative ones conforming, sampled ones 4 checked none failing, unless told. */
  const recordAll = async (id: string, overrides: Record<string, object> = {}): Promise<AssessmentView> => {
    let latest = await view(id);
    for (const item of latest.items) {
      const body =
        overrides[item.code] ??
        (item.type === 'sampled'
          ? { applicable: true, checked: 4, nonConforming: 0 }
          : { applicable: true, conforms: true });
      latest = await record(id, item.code, body);
    }
    return latest;
  };
  /** The worked example of GBT27922.md §2: recycling excluded, supervision failing, 2 of 8 repair records, two deductions. */
  const workedExample = async (): Promise<AssessmentView> => {
    const assessment = await create();
    await recordAll(assessment.id, {
      recycling: { applicable: false, exclusionReason: '本公司不经营需回收处置的商品' },
      supervision: { applicable: true, conforms: false, findings: '未见售后服务监督检查记录' },
      repair: { applicable: true, checked: 8, nonConforming: 2 },
    });
    await adjust(assessment.id, {
      kind: 'deduction',
      category: 'law',
      reason: '一起退货超过法定期限',
    }).expect(201);
    await adjust(assessment.id, {
      kind: 'deduction',
      category: 'own_rules',
      reason: '未按服务承诺时限到场',
      rectification: '调度规则增加到场提醒',
    }).expect(201);
    return view(assessment.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.setTo(T0);
    desk = await createTicketDesk(t);
    manager = desk.manager;
    auditor = await session(t, ['auditor']);
    admin = await session(t, ['admin']);
    const ruleSets = (await as(manager).get('/rule-sets').expect(200)).body as {
      items: { id: string; versionNumber: number }[];
    };
    defaultRuleSetId = ruleSets.items.find((entry) => entry.versionNumber === 1)?.id ?? '';
  });
  afterAll(() => t.close());

  describe('rule sets', () => {
    it('holds the default of GBT27922.md as version 1, marked indicative', async () => {
      const body = (await as(auditor).get(`/rule-sets/${defaultRuleSetId}`).expect(200)).body as {
        indicative: boolean;
        source: string;
        items: { code: string; points: number; type: string; evidence: string[] }[];
        options: Record<string, unknown>;
      };
      expect(body).toMatchObject({
        versionNumber: 1,
        indicative: true,
        source: 'default',
        name: DEFAULT_RULE_SET.name,
      });
      expect(
        body.items.map(({ code, points, type, evidence }) => ({ code, points, type, evidence })),
      ).toEqual(
        DEFAULT_RULE_SET.definition.items.map(({ code, points, type, evidence }) => ({
          code,
          points,
          type,
          evidence,
        })),
      );
      expect(body.options).toEqual(DEFAULT_RULE_SET.definition.options);
    });
  });

  describe('scoring an assessment', () => {
    it('starts with every item pending, and shows what the score would be if they all conform', async () => {
      const assessment = await create({ title: '2026 年 6 月自评' });
      expect(assessment).toMatchObject({
        status: 'draft',
        version: 1,
        title: '2026 年 6 月自评',
        from: '2026-06-01',
        to: '2026-06-30',
        ruleSet: { id: defaultRuleSetId, versionNumber: 1, indicative: true },
        score: {
          pendingPoints: 100,
          base: 0,
          level: 'not_certified',
          ifPendingConform: { final: 100, level: 'five_star', levelName: '五星' },
        },
      });
      expect(assessment.items).toHaveLength(15);
      expect(assessment.items.every((item) => item.status === 'pending')).toBe(true);
      expect(
        (await auditEntriesFor(t.dataSource, 'assessment', assessment.id)).map((entry) => entry.action),
      ).toEqual(['assessment.created']);
    });

    it('reproduces the worked example: base 93.75, two deductions, 91.75 → 四星, with what each indicator cost', async () => {
      const result = await workedExample();
      expect(result.score).toMatchObject({
        applicablePoints: 96,
        excludedPoints: 4,
        earnedPoints: 90,
        pendingPoints: 0,
        base: 93.75,
        specialDeductions: 2,
        final: 91.75,
        finalDisplay: '91.7',
        level: 'four_star',
        levelName: '四星',
        ifPendingConform: null,
      });
      const supervision = result.indicators.find((entry) => entry.indicator === 'supervision');
      expect(supervision).toMatchObject({ points: 4, lost: 4, zh: '监督' });
      expect(supervision?.scoreCost).toBeCloseTo(4.1667, 4);
      expect(result.indicators.find((entry) => entry.indicator === 'repair')).toMatchObject({ lost: 2 });
      expect(result.items.find((item) => item.code === 'recycling')).toMatchObject({
        applicable: false,
        exclusionReason: '本公司不经营需回收处置的商品',
        status: 'excluded',
      });
      expect(result.items.find((item) => item.code === 'supervision')).toMatchObject({
        status: 'non_conforming',
        findings: '未见售后服务监督检查记录',
        recordedBy: { id: manager.id },
      });
      expect(result.adjustments).toEqual([
        expect.objectContaining({ kind: 'deduction', category: 'law', categoryName: '违反法律法规' }),
        expect.objectContaining({
          kind: 'deduction',
          category: 'own_rules',
          rectification: '调度规则增加到场提醒',
        }),
      ]);
      // One version per change: 15 items and 2 deductions.
      expect(result.version).toBe(18);
      const actions = (await auditEntriesFor(t.dataSource, 'assessment', result.id)).map(
        (entry) => entry.action,
      );
      expect(actions.filter((action) => action === 'assessment.item_recorded')).toHaveLength(15);
      expect(actions.filter((action) => action === 'assessment.adjustment_added')).toHaveLength(2);
    });

    it('links evidence: records of the system, exports and documents, checked to exist', async () => {
      const assessment = await create();
      // A repair of June: the July records below are the suggestions' own.
      t.clock.setTo('2026-06-20T10:00:00+08:00');
      const ticket = await ticketInState(t, desk, 'resolved');
      t.clock.setTo(T0);
      const linked = await record(assessment.id, 'repair', {
        applicable: true,
        checked: 4,
        nonConforming: 1,
        nonConformingRecords: [{ recordType: 'ticket', id: ticket.id }],
        evidence: [{ kind: 'record', recordType: 'ticket', id: ticket.id }],
        findings: '1 份维修记录缺少客户签字',
      });
      const repair = linked.items.find((item) => item.code === 'repair');
      expect(repair).toMatchObject({
        status: 'partly_conforming',
        lost: 2,
        nonConformingRecords: [{ recordType: 'ticket', id: ticket.id, number: ticket.number }],
        evidence: [{ kind: 'record', recordType: 'ticket', id: ticket.id, number: ticket.number }],
      });
      const missing = '00000000-0000-4000-8000-000000000000';
      const refused = await put(manager, `/assessments/${assessment.id}/items/repair`, {
        applicable: true,
        evidence: [
          { kind: 'record', recordType: 'complaint', id: missing },
          { kind: 'export', id: missing },
          { kind: 'document', id: missing },
          { kind: 'record', id: ticket.id },
        ],
      }).expect(400);
      expect(fieldsOf(refused.body)).toEqual([
        'evidence[0].id',
        'evidence[1].id',
        'evidence[2].id',
        'evidence[3].recordType',
      ]);
    });

    it('refuses a bad record with 400 naming each field, and changes nothing', async () => {
      const assessment = await create();
      const refuse = async (code: string, body: object) =>
        fieldsOf((await put(manager, `/assessments/${assessment.id}/items/${code}`, body).expect(400)).body);
      expect(await refuse('recycling', { applicable: false })).toEqual(['exclusionReason']);
      expect(
        await refuse('recycling', { applicable: false, exclusionReason: '不适用', conforms: true }),
      ).toEqual(['conforms']);
      expect(await refuse('repair', { applicable: true, conforms: true })).toEqual(['conforms']);
      expect(await refuse('repair', { applicable: true, checked: 2, nonConforming: 3 })).toEqual([
        'nonConforming',
      ]);
      expect(await refuse('repair', { applicable: true, checked: 2 })).toEqual(['nonConforming']);
      expect(await refuse('supervision', { applicable: true, checked: 4, nonConforming: 0 })).toEqual([
        'checked',
        'nonConforming',
      ]);
      expect(await refuse('supervision', { applicable: 'yes', conforms: 'no' })).toEqual([
        'applicable',
        'conforms',
      ]);
      expect(await refuse('supervision', { applicable: true, score: 3 })).toEqual(['score']);
      await put(manager, `/assessments/${assessment.id}/items/no-such-item`, { applicable: true }).expect(
        404,
      );

      const adjustmentFields = async (body: object) =>
        fieldsOf((await adjust(assessment.id, body).expect(400)).body);
      expect(await adjustmentFields({ kind: 'deduction', reason: '违规' })).toEqual(['category']);
      expect(await adjustmentFields({ kind: 'bonus', category: 'law', reason: '获省级表彰' })).toEqual([
        'category',
      ]);
      expect(await adjustmentFields({ kind: 'deduction', category: 'tax', reason: '' })).toEqual([
        'category',
        'reason',
      ]);

      const createFields = async (body: object) =>
        fieldsOf((await as(manager).post('/assessments', body).expect(400)).body);
      expect(await createFields({ from: '2026-06-30', to: '2026-06-01' })).toEqual(['to']);
      expect(await createFields({ from: '2026-06-01', to: '2026-06-31' })).toEqual(['to']);
      expect(
        await createFields({
          from: '2026-06-01',
          to: '2026-06-30',
          ruleSetId: '00000000-0000-4000-8000-000000000000',
        }),
      ).toEqual(['ruleSetId']);

      const unchanged = await view(assessment.id);
      expect(unchanged.version).toBe(1);
      expect(unchanged.adjustments).toEqual([]);
    });

    it('refuses a stale expectedVersion with 409 VERSION_CONFLICT', async () => {
      const assessment = await create();
      await record(assessment.id, 'norms', { applicable: true, conforms: true, expectedVersion: 1 });
      const stale = await put(manager, `/assessments/${assessment.id}/items/culture`, {
        applicable: true,
        conforms: true,
        expectedVersion: 1,
      }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT' });
      // The same record again changes nothing: no new version.
      const again = await record(assessment.id, 'norms', {
        applicable: true,
        conforms: true,
        expectedVersion: 2,
      });
      expect(again.version).toBe(2);
      // Two managers at once on the version they both read: one wins.
      const racing = await Promise.all(
        ['culture', 'delivery'].map((code) =>
          put(manager, `/assessments/${assessment.id}/items/${code}`, {
            applicable: true,
            conforms: false,
            expectedVersion: 2,
          }),
        ),
      );
      expect(racing.map((response) => response.status).sort()).toEqual([200, 409]);
      expect((await view(assessment.id)).version).toBe(3);
    });

    it('takes one special bonus: a second is 409 CONFLICT; a removed one can be added again', async () => {
      const assessment = await create();
      const first = await adjust(assessment.id, { kind: 'bonus', reason: '获评省级售后服务示范单位' }).expect(
        201,
      );
      const second = await adjust(assessment.id, { kind: 'bonus', reason: '又获表彰' }).expect(409);
      expect(second.body).toMatchObject({ code: 'CONFLICT', details: { maxSpecialBonuses: 1 } });
      const bonus = (first.body as AssessmentView).adjustments[0];
      const removed = await del(
        manager,
        `/assessments/${assessment.id}/adjustments/${bonus?.id}?expectedVersion=2`,
      ).expect(200);
      expect((removed.body as AssessmentView).adjustments).toEqual([]);
      await adjust(assessment.id, { kind: 'bonus', reason: '获评省级售后服务示范单位' }).expect(201);
      expect(
        (await auditEntriesFor(t.dataSource, 'assessment', assessment.id)).map((entry) => entry.action),
      ).toEqual([
        'assessment.created',
        'assessment.adjustment_added',
        'assessment.adjustment_removed',
        'assessment.adjustment_added',
      ]);
    });
  });

  describe('freezing', () => {
    it('refuses to freeze with items pending, then freezes and refuses every change with 409', async () => {
      const assessment = await create();
      const early = await as(manager).post(`/assessments/${assessment.id}/freeze`, {}).expect(409);
      expect(early.body).toMatchObject({ code: 'CONFLICT' });
      expect((early.body as { details: { pendingItems: string[] } }).details.pendingItems).toHaveLength(15);

      const done = await workedExample();
      const frozen = (
        await as(manager)
          .post(`/assessments/${done.id}/freeze`, { expectedVersion: done.version })
          .expect(200)
      ).body as AssessmentView;
      expect(frozen).toMatchObject({
        status: 'frozen',
        version: done.version + 1,
        frozenBy: { id: manager.id },
        score: { final: 91.75, level: 'four_star' },
      });

      const refusals = [
        put(manager, `/assessments/${done.id}/items/supervision`, { applicable: true, conforms: true }),
        adjust(done.id, { kind: 'bonus', reason: '获评示范单位' }),
        del(manager, `/assessments/${done.id}/adjustments/${frozen.adjustments[0]?.id}`),
        t
          .http()
          .patch(`/api/v1/assessments/${done.id}`)
          .set('Authorization', `Bearer ${manager.token}`)
          .send({ title: '改名' }),
        as(manager).post(`/assessments/${done.id}/freeze`, {}),
        as(manager).post(`/assessments/${done.id}/items/repair/apply-suggestion`, {}),
      ];
      for (const refusal of refusals) {
        const response = await refusal;
        expect([response.status, (response.body as { code: string }).code]).toEqual([
          409,
          'INVALID_TRANSITION',
        ]);
      }
      const after = await view(done.id);
      expect([after.version, after.score, after.items, after.adjustments]).toEqual([
        frozen.version,
        frozen.score,
        frozen.items,
        frozen.adjustments,
      ]);
      // The database refuses too.
      await expect(
        t.dataSource.query(`UPDATE assessments SET title = 'x' WHERE id = $1`, [done.id]),
      ).rejects.toThrow(/frozen/);
      await expect(
        t.dataSource.query(`UPDATE assessment_items SET conforms = true WHERE assessment_id = $1`, [done.id]),
      ).rejects.toThrow(/frozen/);
      expect(
        (await auditEntriesFor(t.dataSource, 'assessment', done.id)).map((entry) => entry.action).at(-1),
      ).toBe('assessment.frozen');

      // A report reads the last frozen assessment whole.
      const latest = await t.app.get(AssessmentsService).latestFrozen();
      expect(latest).toMatchObject({
        assessment: { id: done.id, status: 'frozen' },
        ruleSet: { versionNumber: 1, indicative: true },
        score: { final: 91.75, level: 'four_star' },
      });
      expect(latest?.items).toHaveLength(15);
      expect(latest?.adjustments).toHaveLength(2);
    });

    it('compares an assessment with an earlier one, indicator by indicator', async () => {
      const earlier = await workedExample();
      const later = await create({ from: '2026-07-01', to: '2026-07-31' });
      await recordAll(later.id, {
        recycling: { applicable: false, exclusionReason: '本公司不经营需回收处置的商品' },
        repair: { applicable: true, checked: 8, nonConforming: 2 },
      });
      const comparison = (await as(auditor).get(`/assessments/${later.id}/compare/${earlier.id}`).expect(200))
        .body as {
        before: { id: string; final: number; level: string };
        after: { id: string; final: number; level: string };
        finalChange: number;
        levelChange: string;
        indicators: {
          indicator: string;
          scoreCostChange: number | null;
          before: { lost: number };
          after: { lost: number };
        }[];
      };
      // 94 of 96 with no deductions against 91.75.
      expect(comparison.before).toMatchObject({ id: earlier.id, final: 91.75, level: 'four_star' });
      expect(comparison.after.id).toBe(later.id);
      expect(comparison.after.final).toBeCloseTo(97.9167, 4);
      expect(comparison.after.level).toBe('five_star');
      expect(comparison.finalChange).toBeCloseTo(6.1667, 4);
      expect(comparison.levelChange).toBe('up');
      const supervision = comparison.indicators.find((entry) => entry.indicator === 'supervision');
      expect(supervision).toMatchObject({ before: { lost: 4 }, after: { lost: 0 } });
      expect(supervision?.scoreCostChange).toBeCloseTo(-4.1667, 4);
      await as(manager)
        .get(`/assessments/${later.id}/compare/00000000-0000-4000-8000-000000000000`)
        .expect(404);
    });
  });

  describe('who may', () => {
    it('lets managers and admins write, auditors read, and refuses everyone else with 403', async () => {
      const assessment = await create();
      for (const roles of [['technician'], ['agent'], ['dispatcher'], ['returns_clerk']] as const) {
        const other = await session(t, [...roles]);
        await as(other).get('/assessments').expect(403);
        await as(other).get(`/assessments/${assessment.id}`).expect(403);
        await as(other).post('/assessments', { from: '2026-06-01', to: '2026-06-30' }).expect(403);
        await as(other).get('/rule-sets').expect(403);
        await upload(other, Buffer.from('{}'), 'x.json', 'application/json').expect(403);
      }
      await as(auditor).get(`/assessments/${assessment.id}`).expect(200);
      await as(auditor).get(`/assessments/${assessment.id}/gaps`).expect(200);
      await as(auditor).post('/assessments', { from: '2026-06-01', to: '2026-06-30' }).expect(403);
      await put(auditor, `/assessments/${assessment.id}/items/norms`, { applicable: true }).expect(403);

      await as(admin)
        .post('/assessments', { from: '2026-06-01', to: '2026-06-30', ruleSetId: defaultRuleSetId })
        .expect(201);
      // Suggestions and gaps read tickets and complaints, which IT administrators do not.
      await as(admin).get(`/assessments/${assessment.id}/suggestions`).expect(403);

      // Assessments cover every outlet: an outlet's manager neither reads nor writes them.
      const outletManager = await session(t, ['manager'], { outletId: desk.technician.outletId });
      const refused = await as(outletManager).get(`/assessments/${assessment.id}`).expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });
      await as(outletManager).get('/assessments').expect(403);
      await as(outletManager).post('/assessments', { from: '2026-06-01', to: '2026-06-30' }).expect(403);
    });
  });

  describe('suggestions and gaps from the records', () => {
    let assessment: AssessmentView;
    let complete: TicketView;
    let withoutFollowUp: TicketView;
    let overdueFollowUp: TicketView;

    /** A repair done properly: work logged, resolved with the customer's confirmation. */
    const repaired = async (): Promise<TicketView> => {
      const ticket = await ticketInState(t, desk, 'diagnosed');
      await act(t, desk, ticket, 'log_work');
      return act(t, desk, ticket, 'resolve');
    };
    /** The follow-up the resolution makes, as the worker makes it. */
    const followUpOf = async (ticket: TicketView) => {
      for (const row of await ticketOutboxRows(t, 'ticket.event', ticket.id)) await runTicketEvent(t, row);
      const list = (await as(manager).get(`/follow-ups?ticketId=${ticket.id}`).expect(200)).body as {
        items: { id: string; number: string; version: number }[];
      };
      const [followUp] = list.items;
      if (!followUp) throw new Error('no follow-up');
      return followUp;
    };

    beforeAll(async () => {
      t.clock.setTo(T0);
      complete = await repaired();
      withoutFollowUp = await repaired();
      overdueFollowUp = await repaired();
      const done = await followUpOf(complete);
      await followUpOf(overdueFollowUp);
      t.clock.setTo(at(1));
      await as(desk.agent)
        .post(`/follow-ups/${done.id}/complete`, {
          method: 'phone',
          contactedAt: at(1).toISOString(),
          satisfied: true,
          score: 5,
          expectedVersion: done.version,
        })
        .expect(200);
      // Five days on: the pending follow-up (due after three) is overdue.
      t.clock.setTo(at(5));
      assessment = await create({ from: '2026-07-01', to: '2026-07-31' });
    });

    it('proposes the repair sample from the records, saying why each failed', async () => {
      const body = (await as(manager).get(`/assessments/${assessment.id}/suggestions`).expect(200)).body as {
        version: number;
        suggestions: {
          itemCode: string;
          evidence: string;
          seed: string;
          population: number;
          checked: number;
          nonConforming: number;
          records: {
            id: string;
            number: string;
            conforming: boolean;
            problems: { code: string; zh: string }[];
          }[];
        }[];
      };
      expect(body.suggestions.map((entry) => entry.itemCode)).toEqual(['repair', 'quality', 'complaints']);
      const repair = body.suggestions.find((entry) => entry.itemCode === 'repair');
      expect(repair).toMatchObject({
        evidence: 'repair-records',
        seed: assessment.id,
        sampleSize: 4,
        population: 3,
        checked: 3,
        nonConforming: 2,
      });
      const byId = new Map(repair?.records.map((entry) => [entry.id, entry]));
      expect(byId.get(complete.id)).toMatchObject({
        number: complete.number,
        conforming: true,
        problems: [],
      });
      expect(byId.get(withoutFollowUp.id)).toMatchObject({
        conforming: false,
        problems: [{ code: 'no_follow_up', zh: '无回访记录' }],
      });
      expect(byId.get(overdueFollowUp.id)).toMatchObject({
        conforming: false,
        problems: [{ code: 'follow_up_overdue' }],
      });

      // A smaller sample with another seed is drawn the same way every time.
      const small = async () =>
        (
          (
            await as(manager)
              .get(`/assessments/${assessment.id}/suggestions?seed=audit-2026&sampleSize=2`)
              .expect(200)
          ).body as typeof body
        ).suggestions[0];
      const first = await small();
      expect(first).toMatchObject({ seed: 'audit-2026', sampleSize: 2, population: 3, checked: 2 });
      expect((await small())?.records.map((entry) => entry.id)).toEqual(
        first?.records.map((entry) => entry.id),
      );
      const bad = await as(manager)
        .get(`/assessments/${assessment.id}/suggestions?sampleSize=0&seed=a b`)
        .expect(400);
      expect(fieldsOf(bad.body).sort()).toEqual(['sampleSize', 'seed']);
    });

    it("shows the period's KPIs next to each indicator", async () => {
      const body = (await as(auditor).get(`/assessments/${assessment.id}`).expect(200)).body as {
        indicators: {
          indicator: string;
          kpis: { code: string; indicators: string[]; denominator: number | null; recordsPath: string }[];
        }[];
      };
      const repair = body.indicators.find((entry) => entry.indicator === 'repair');
      expect(repair?.kpis.map((kpi) => kpi.code)).toEqual(
        expect.arrayContaining(['response-compliance', 'resolve-compliance', 'follow-up-coverage']),
      );
      for (const entry of body.indicators) {
        expect(entry.kpis.every((kpi) => kpi.indicators.includes(entry.indicator))).toBe(true);
      }
      expect(repair?.kpis[0]?.recordsPath).toContain('from=2026-07-01&to=2026-07-31');
      // A change answers without them: they are read with the assessment, not after each change.
      const changed = await record(assessment.id, 'norms', { applicable: true });
      expect(changed.indicators[0]).not.toHaveProperty('kpis');
    });

    it('applies a suggestion to the item, with the non-conforming records and the draw', async () => {
      const applied = (
        await as(manager).post(`/assessments/${assessment.id}/items/repair/apply-suggestion`, {}).expect(200)
      ).body as AssessmentView;
      const repair = applied.items.find((item) => item.code === 'repair') as ItemView & {
        nonConformingRecords: { id: string; problems: { code: string }[] }[];
        sampleBasis: { seed: string; population: number; records: { id: string }[] };
      };
      expect(repair).toMatchObject({ checked: 3, nonConforming: 2, status: 'partly_conforming' });
      expect(repair.lost).toBeCloseTo((8 * 2) / 3, 10);
      expect(repair.nonConformingRecords.map((entry) => entry.id).sort()).toEqual(
        [withoutFollowUp.id, overdueFollowUp.id].sort(),
      );
      expect(repair.sampleBasis).toMatchObject({
        evidence: 'repair-records',
        seed: assessment.id,
        population: 3,
      });
      expect(repair.sampleBasis.records).toHaveLength(3);
      const entries = await auditEntriesFor(t.dataSource, 'assessment', assessment.id);
      expect(entries.at(-1)).toMatchObject({ action: 'assessment.suggestion_applied', actorId: manager.id });

      // Items the system cannot judge get no suggestion.
      const refused = await as(manager)
        .post(`/assessments/${assessment.id}/items/supervision/apply-suggestion`, {})
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'CONFLICT' });
      await as(auditor).post(`/assessments/${assessment.id}/items/repair/apply-suggestion`, {}).expect(403);
    });

    it('lists the gaps by points at stake, with the records behind them', async () => {
      // A certificate running out and a complaint left unacknowledged.
      await as(manager)
        .post('/qualifications', {
          userId: desk.technician.id,
          type: '电工证',
          certificateNumber: 'DG-2026-001',
          validUntil: '2026-07-25',
        })
        .expect(201);
      const complaint = await as(desk.agent)
        .post('/complaints', {
          customerId: (complete.customer as { id: string }).id,
          channel: 'phone',
          category: 'timeliness',
          severity: 'normal',
          description: '维修后一直没有人回访',
          receivedAt: at(3).toISOString(),
        })
        .expect(201);
      await record(assessment.id, 'supervision', { applicable: true, conforms: false });

      const body = (await as(auditor).get(`/assessments/${assessment.id}/gaps`).expect(200)).body as {
        assessment: { id: string };
        gaps: {
          kind: string;
          evidence: string | null;
          itemCodes: string[];
          points: number;
          scorePoints: number;
          lost: boolean;
          count: number;
          records: { recordType: string; id: string; number: string | null; note: string | null }[];
        }[];
      };
      const { gaps } = body;
      expect(body.assessment.id).toBe(assessment.id);
      const points = gaps.map((gap) => gap.points);
      expect(points).toEqual([...points].sort((a, b) => b - a));

      const sample = gaps.find((gap) => gap.kind === 'non_conforming_sample');
      expect(sample).toMatchObject({ itemCodes: ['repair'], lost: true, count: 2 });
      expect(sample?.points).toBeCloseTo(16 / 3, 10);
      expect(sample?.records.map((entry) => entry.number).sort()).toEqual(
        [withoutFollowUp.number, overdueFollowUp.number].sort(),
      );
      expect(sample?.records.find((entry) => entry.id === withoutFollowUp.id)?.note).toBe('无回访记录');
      expect(gaps.find((gap) => gap.kind === 'failing_item')).toMatchObject({
        itemCodes: ['supervision'],
        points: 4,
      });
      expect(gaps.indexOf(sample as (typeof gaps)[number])).toBeLessThan(
        gaps.findIndex((gap) => gap.kind === 'failing_item'),
      );
      // 13 pending items, the largest first.
      expect(gaps.filter((gap) => gap.kind === 'pending_item')[0]).toMatchObject({
        itemCodes: ['complaints'],
        points: 13,
      });

      const followUps = gaps.find((gap) => gap.kind === 'overdue_follow_ups');
      expect(followUps).toMatchObject({ evidence: 'follow-ups', lost: false, count: 1 });
      expect(followUps?.itemCodes).toEqual(['repair', 'customer-relations']);
      expect(followUps?.points).toBeCloseTo(8 / 3 + 12, 10);
      const complaints = gaps.find((gap) => gap.kind === 'overdue_complaints');
      expect(complaints).toMatchObject({ evidence: 'complaints', count: 1, points: 13 });
      expect(complaints?.records[0]).toMatchObject({
        id: (complaint.body as { id: string }).id,
        note: '逾期未受理',
      });
      const expiring = gaps.find(
        (gap) => gap.kind === 'expiring_validity' && gap.evidence === 'qualifications',
      );
      expect(expiring).toMatchObject({ itemCodes: ['staffing'], count: 1 });
      expect(expiring?.records[0]?.note).toContain('DG-2026-001');
      const shortfall = gaps.find((gap) => gap.kind === 'evidence_shortfall' && gap.evidence === 'returns');
      expect(shortfall).toMatchObject({ itemCodes: ['quality'], count: 0, points: 7, lost: false });
    });
  });

  describe('loading a certification body’s checklist', () => {
    let frozenId: string;

    beforeAll(async () => {
      const done = await workedExample();
      await as(manager).post(`/assessments/${done.id}/freeze`, {}).expect(200);
      frozenId = done.id;
    });

    const pointsOf = (assessment: AssessmentView) =>
      Object.fromEntries(assessment.items.map((item) => [item.code, item.points]));

    it('imports a JSON checklist as the next version, used by new assessments and not by a frozen one', async () => {
      const items = DEFAULT_RULE_SET.definition.items.map((item) =>
        item.code === 'repair'
          ? { ...item, points: 12 }
          : item.code === 'complaints'
            ? { ...item, points: 9 }
            : item,
      );
      const file = Buffer.from(
        JSON.stringify({ name: '认证机构甲评分表 2026', items, options: { decimals: 2 } }),
      );
      const imported = (await upload(manager, file, 'checklist.json', 'application/json').expect(201))
        .body as {
        id: string;
        versionNumber: number;
        indicative: boolean;
        source: string;
        options: { decimals: number };
      };
      expect(imported).toMatchObject({
        versionNumber: 2,
        indicative: false,
        source: 'json',
        options: { decimals: 2 },
      });
      expect(await auditEntriesFor(t.dataSource, 'rule_set', imported.id)).toEqual([
        expect.objectContaining({ action: 'rule_set.imported', actorId: manager.id }),
      ]);

      // A new assessment takes the latest version unless it names one.
      const fresh = (
        await as(manager).post('/assessments', { from: '2026-06-01', to: '2026-06-30' }).expect(201)
      ).body as AssessmentView;
      expect(fresh.ruleSet).toMatchObject({ id: imported.id, versionNumber: 2, indicative: false });
      expect(pointsOf(fresh)).toMatchObject({ repair: 12, complaints: 9 });

      const frozen = await view(frozenId);
      expect(frozen.ruleSet.versionNumber).toBe(1);
      expect(pointsOf(frozen)).toMatchObject({ repair: 8, complaints: 13 });
      expect(frozen.score).toMatchObject({ final: 91.75, level: 'four_star' });
    });

    it('imports an XLSX checklist with its own items and options', async () => {
      const workbook = new ExcelJS.Workbook();
      const items = workbook.addWorksheet('items');
      items.addRow(['类别', '指标', '编号', '评分项', '分值', '类型', '证据']);
      items.addRow([
        '商品服务',
        '维修',
        'R-1',
        '维修记录完整并有回访',
        50,
        '抽样',
        'repair-records, follow-ups',
      ]);
      items.addRow(['顾客服务', '投诉处理', 'C-1', '投诉按时处理', 30, '抽样', 'complaints']);
      items.addRow(['售后服务体系', 'organization', 'O-1', '网点覆盖销售区域', 20, '定性', 'outlets']);
      const options = workbook.addWorksheet('options');
      options.addRow(['key', 'value']);
      options.addRow(['name', '认证机构乙评分表']);
      options.addRow(['sampleSize', 2]);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const imported = (
        await upload(
          manager,
          bytes,
          '评分表.xlsx',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ).expect(201)
      ).body as {
        id: string;
        versionNumber: number;
        source: string;
        fileName: string;
        items: { code: string }[];
      };
      expect(imported).toMatchObject({ versionNumber: 3, source: 'xlsx', fileName: '评分表.xlsx' });

      const fresh = (
        await as(manager).post('/assessments', { from: '2026-07-01', to: '2026-07-31' }).expect(201)
      ).body as AssessmentView;
      expect(fresh.ruleSet.versionNumber).toBe(3);
      expect(pointsOf(fresh)).toEqual({ 'R-1': 50, 'C-1': 30, 'O-1': 20 });
      const suggestions = (await as(manager).get(`/assessments/${fresh.id}/suggestions`).expect(200))
        .body as {
        suggestions: { itemCode: string; sampleSize: number; checked: number }[];
      };
      expect(suggestions.suggestions[0]).toMatchObject({ itemCode: 'R-1', sampleSize: 2, checked: 2 });

      expect(pointsOf(await view(frozenId))).toMatchObject({ repair: 8 });
      // An assessment may still name an older version.
      const older = await create();
      expect(older.ruleSet.versionNumber).toBe(1);
    });

    it('refuses a bad checklist with 400 naming the row and field, and stores nothing', async () => {
      const workbook = new ExcelJS.Workbook();
      const items = workbook.addWorksheet('items');
      items.addRow(['indicator', 'code', 'title', 'points', 'type']);
      items.addRow(['repair', 'R-1', '维修', 60, 'sampled']);
      items.addRow(['repair', 'R-1', '维修', 'forty', 'guess']);
      items.addRow(['nowhere', 'X-1', '其他', 40, 'qualitative']);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const refused = await upload(manager, bytes, 'bad.xlsx', 'application/octet-stream').expect(400);
      expect(fieldsOf(refused.body)).toEqual([
        'options.name',
        'items[row 3].code',
        'items[row 3].points',
        'items[row 3].type',
        'items[row 4].indicator',
      ]);

      const wrongSum = DEFAULT_RULE_SET.definition.items.map((item) =>
        item.code === 'repair' ? { ...item, points: 9 } : item,
      );
      const sum = await upload(
        manager,
        Buffer.from(JSON.stringify({ name: '多一分', items: wrongSum })),
        'sum.json',
        'application/json',
      ).expect(400);
      expect((sum.body as FieldProblems).details.fields).toEqual([
        { field: 'items', problems: ["the items' points add up to 101, not 100 (totalPoints)"] },
      ]);
      await upload(manager, Buffer.from('{"name":'), 'broken.json', 'application/json').expect(400);
      await upload(manager, Buffer.from('name,points'), 'list.csv', 'text/csv').expect(415);
      await t
        .http()
        .post('/api/v1/rule-sets/import')
        .set('Authorization', `Bearer ${manager.token}`)
        .expect(400);

      const versions = (await as(manager).get('/rule-sets').expect(200)).body as { total: number };
      expect(versions.total).toBe(3);
    });
  });
});
