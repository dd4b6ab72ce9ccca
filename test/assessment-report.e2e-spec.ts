import pdfParse from 'pdf-parse';
import type { PackManifestFile } from '../src/evidence/pack/audit-pack-builder';
import { createOutlet } from './factories/registers';
import {
  type Session,
  type TicketDesk,
  type TicketView,
  api,
  createTicketDesk,
  session,
  ticketInState,
} from './factories/tickets';
import { auditEntriesFor } from './support/audit-entries';
import { buildExport, sha256, unzip } from './support/export-jobs';
import { type TestApp, createTestApp } from './support/test-app';

/**
 * The self-assessment report: an assessment built and frozen through the API, its report printed as
 * a PDF and read back as text, and the audit pack holding the latest frozen one.
 */

const COMPANY = '江南暖通设备有限公司';
const PERIOD = { from: '2026-06-01', to: '2026-06-30' };
const EXCLUSION = '本公司不经营需回收处置的商品';
const FINDING = '未见售后服务监督检查记录';
const DEDUCTION = '一起退货超过法定期限';

interface AssessmentView {
  id: string;
  version: number;
  status: string;
  items: { code: string; type: string }[];
}

const textOf = async (pdf: Buffer) => (await pdfParse(pdf)).text.replace(/\s+/g, '');

describe('the self-assessment report (自评报告)', () => {
  let t: TestApp;
  let desk: TicketDesk;
  let manager: Session;
  let auditor: Session;
  let defaultRuleSetId: string;
  let ticket: TicketView;

  const as = (who: Session) => api(t, who.token);
  const binary = (who: Session, url: string) =>
    t
      .http()
      .get(`/api/v1${url}`)
      .set('Authorization', `Bearer ${who.token}`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
  const report = (id: string, who: Session = manager, lang?: string) =>
    binary(who, `/assessments/${id}/report.pdf${lang ? `?lang=${lang}` : ''}`);

  const create = async (body: Record<string, unknown> = {}): Promise<AssessmentView> =>
    (
      await as(manager)
        .post('/assessments', { ...PERIOD, ruleSetId: defaultRuleSetId, ...body })
        .expect(201)
    ).body as AssessmentView;
  const record = async (id: string, code: string, body: object): Promise<AssessmentView> => {
    const response = await t
      .http()
      .put(`/api/v1/assessments/${id}/items/${code}`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send(body);
    if (response.status !== 200)
      throw new Error(`record ${code}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as AssessmentView;
  };
  /**
   * The worked example of GBT27922.md §2 (recycling excluded, supervision failing, 2 of 8 repair
   * records non-conforming, two special deductions: 91.75, 四星), with one failing record named.
   */
  const workedExample = async (body: Record<string, unknown> = {}): Promise<AssessmentView> => {
    const assessment = await create(body);
    const overrides: Record<string, object> = {
      recycling: { applicable: false, exclusionReason: EXCLUSION },
      supervision: { applicable: true, conforms: false, findings: FINDING },
      repair: {
        applicable: true,
        checked: 8,
        nonConforming: 2,
        nonConformingRecords: [{ recordType: 'ticket', id: ticket.id }],
        evidence: [{ kind: 'record', recordType: 'ticket', id: ticket.id }],
      },
    };
    for (const item of assessment.items) {
      const result =
        overrides[item.code] ??
        (item.type === 'sampled'
          ? { applicable: true, checked: 4, nonConforming: 0 }
          : { applicable: true, conforms: true });
      await record(assessment.id, item.code, result);
    }
    await as(manager)
      .post(`/assessments/${assessment.id}/adjustments`, {
        kind: 'deduction',
        category: 'law',
        reason: DEDUCTION,
      })
      .expect(201);
    await as(manager)
      .post(`/assessments/${assessment.id}/adjustments`, {
        kind: 'deduction',
        category: 'own_rules',
        reason: '未按服务承诺时限到场',
        rectification: '调度规则增加到场提醒',
      })
      .expect(201);
    return assessment;
  };
  const freeze = async (id: string) => as(manager).post(`/assessments/${id}/freeze`, {}).expect(200);

  /** An audit pack requested through the exports API, built, downloaded and unzipped. */
  const builtPack = async (lang = 'zh', period = PERIOD) => {
    const requested = await as(manager)
      .post('/exports', { type: 'pack', ...period, lang, seed: 'report' })
      .expect(202);
    expect(await buildExport(t, requested.body.id as string)).toBe('done');
    const zip = (await binary(manager, `/exports/${requested.body.id}/download`).expect(200)).body as Buffer;
    const files = await unzip(zip);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {
      files: PackManifestFile[];
    };
    return { files, manifest };
  };
  const reportsIn = (files: Map<string, Buffer>) =>
    [...files.keys()].filter((name) => name.startsWith('assessment/'));

  beforeAll(async () => {
    t = await createTestApp({ env: { COMPANY_NAME: COMPANY } });
    t.clock.setTo('2026-06-20T09:00:00+08:00');
    desk = await createTicketDesk(t);
    manager = desk.manager;
    auditor = await session(t, ['auditor']);
    ticket = await ticketInState(t, desk, 'reported');
    const ruleSets = (await as(manager).get('/rule-sets').expect(200)).body as {
      items: { id: string; versionNumber: number }[];
    };
    defaultRuleSetId = ruleSets.items.find((entry) => entry.versionNumber === 1)?.id ?? '';
    t.clock.setTo('2026-07-10T09:00:00+08:00');
  });
  afterAll(() => t.close());

  it('is not in the audit pack while no assessment is frozen, drafts included', async () => {
    await workedExample();
    const { files, manifest } = await builtPack();
    expect(reportsIn(files)).toEqual([]);
    expect(manifest.files.filter((file) => file.path.startsWith('assessment/'))).toEqual([]);
  });

  describe('a frozen assessment', () => {
    let frozen: AssessmentView;

    beforeAll(async () => {
      frozen = await workedExample({ title: '2026 年 6 月自评' });
      t.clock.setTo('2026-07-11T10:30:00+08:00');
      await freeze(frozen.id);
    });

    it('prints its snapshot: result, adjustments, indicators and items with findings and records', async () => {
      const response = await report(frozen.id).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('售后服务自评报告_2026-06-01_2026-06-30.pdf')}`,
      );
      const text = await textOf(response.body as Buffer);
      for (const expected of [
        '售后服务自评报告',
        COMPANY,
        '2026-06-01至2026-06-30',
        '2026年6月自评',
        '第1版，参考',
        '已定稿（冻结）',
        '2026-07-1110:30',
        // final exactly as scored, the figure shown cut to one decimal, the level
        '最终得分：91.75',
        '91.7（保留1位小数',
        '四星',
        '93.75（得分÷适用分值×100）',
        '适用分值：96',
        '删减分值：4',
        '2项，−2分',
        DEDUCTION,
        '违反法律法规',
        '调度规则增加到场提醒',
        // indicators, with the exclusion and its reason
        '维修',
        '废弃商品回收',
        `4：${EXCLUSION}`,
        // items
        '抽查8份，2份不符合',
        FINDING,
        `不符合记录：${ticket.number}`,
        `删减：${EXCLUSION}`,
        '评分快照',
        '第1页/共',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('草稿');
      expect(text).not.toContain('待评价');
    });

    it('prints in English with lang=en, and writes an audit entry for each print', async () => {
      const before = (await auditEntriesFor(t.dataSource, 'assessment', frozen.id)).length;
      const text = await textOf((await report(frozen.id, auditor, 'en').expect(200)).body as Buffer);
      for (const expected of [
        'After-salesserviceself-assessmentreport',
        'Finalscore：91.75',
        'Fourstars',
        'version1,indicative',
        'Repair',
        '2of8checkednon-conforming',
        `Excluded:${EXCLUSION}`,
        'scoresnapshot',
      ]) {
        expect(text).toContain(expected);
      }
      const entries = await auditEntriesFor(t.dataSource, 'assessment', frozen.id);
      expect(entries).toHaveLength(before + 1);
      expect(entries.at(-1)).toMatchObject({
        action: 'evidence.form_printed',
        actorId: auditor.id,
        changes: { form: 'self-assessment-report', language: 'en' },
      });
    });

    it('is for managers and auditors: others 403, an unknown assessment 404', async () => {
      await report(frozen.id, desk.technician).expect(403);
      await report(frozen.id, desk.dispatcher).expect(403);
      await report(frozen.id, await session(t, ['admin'])).expect(403);
      const outlet = await createOutlet(t.dataSource);
      await report(frozen.id, await session(t, ['manager'], { outletId: outlet.id })).expect(403);
      await report('00000000-0000-4000-8000-000000000000').expect(404);
      await report('not-a-uuid').expect(400);
      await report(frozen.id, manager, 'fr').expect(400);
    });

    it('goes into the audit pack, as the manifest lists it', async () => {
      const { files, manifest } = await builtPack();
      const path = 'assessment/2026-06-01_2026-06-30-self-assessment.pdf';
      expect(reportsIn(files)).toEqual([path]);
      const pdf = files.get(path)!;
      expect(manifest.files.find((file) => file.path === path)).toEqual({
        path,
        sha256: sha256(pdf),
        bytes: pdf.length,
        records: 1,
      });
      const text = await textOf(pdf);
      expect(text).toContain('最终得分：91.75');
      expect(text).toContain('四星');
      const index = await textOf(files.get('index.pdf')!);
      expect(index).toContain('assessment/');
      expect(index).toContain('售后服务自评报告（最近一次定稿）');
    });

    it('gives way in the pack to one frozen later, printed in the language of the pack', async () => {
      const later = await workedExample({ from: '2026-05-01', to: '2026-05-31' });
      await record(later.id, 'supervision', { applicable: true, conforms: true });
      t.clock.setTo('2026-07-12T10:00:00+08:00');
      await freeze(later.id);
      const { files } = await builtPack('en');
      const path = 'assessment/2026-05-01_2026-05-31-self-assessment.pdf';
      expect(reportsIn(files)).toEqual([path]);
      const text = await textOf(files.get(path)!);
      // 90 + 4 of 96 applicable: 97.916… cut to 97.9, less two deductions: 95.916… → 95.9, five stars
      expect(text).toContain('Scoreshown：95.9');
      expect(text).toContain('Fivestars');
    });

    it('holds no self-assessment of a period that began after the pack ends', async () => {
      const { files } = await builtPack('zh', { from: '2026-04-01', to: '2026-04-30' });
      expect(reportsIn(files)).toEqual([]);
    });

    it('keeps the KPIs of the moment it was frozen, in its view and its report', async () => {
      type KpiView = { code: string; numerator: number; denominator: number | null };
      const responseKpi = (kpis: KpiView[]) => kpis.find((kpi) => kpi.code === 'response-compliance');
      // At freezing, the one June ticket had missed its first response.
      const shown = async () => {
        const body = (await as(auditor).get(`/assessments/${frozen.id}`).expect(200)).body as {
          indicators: { indicator: string; kpis: KpiView[] }[];
        };
        return responseKpi(body.indicators.find((entry) => entry.indicator === 'repair')!.kpis);
      };
      expect(await shown()).toMatchObject({ numerator: 0, denominator: 1 });

      // A June ticket registered late: the period's live figures change, the frozen ones do not.
      const now = t.clock.now().toISOString();
      t.clock.setTo('2026-06-25T09:00:00+08:00');
      await ticketInState(t, desk, 'reported');
      t.clock.setTo(now);
      const live = (await as(auditor).get(`/kpis?from=${PERIOD.from}&to=${PERIOD.to}`).expect(200)).body as {
        kpis: KpiView[];
      };
      expect(responseKpi(live.kpis)).toMatchObject({ numerator: 0, denominator: 2 });
      expect(await shown()).toMatchObject({ numerator: 0, denominator: 1 });

      const text = await textOf((await report(frozen.id).expect(200)).body as Buffer);
      expect(text).toContain('六、相关运营指标（KPI）');
      expect(text).toContain('维修响应及时率0.0%0/1');
      expect(text).toContain('运营指标为定稿时按自评期间计算的全公司数据');
    });
  });

  it('prints a draft as it stands, marked 草稿, with what is still to assess', async () => {
    const draft = await create({ title: '草稿自评' });
    await record(draft.id, 'recycling', { applicable: false, exclusionReason: EXCLUSION });
    const text = await textOf((await report(draft.id).expect(200)).body as Buffer);
    for (const expected of [
      '售后服务自评报告（草稿）',
      '草稿（未冻结）',
      '待评价',
      '待评价分值：96',
      '待评项均符合：100.0五星',
      '特别扣分：无',
      '不予认证（最终得分低于70分）',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('评分快照');
  });
});
