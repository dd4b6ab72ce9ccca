import type { Indicator } from '../../evidence/domain/evidence-types';
import type { KpiUnit } from '../kpi-report';

/**
 * The service KPIs of GBT27922.md §1 that the system holds records for, in the order reports list them
 * (by indicator, as the standard's table runs). Each says which records it counts, over which period
 * and how; the SQL and the rules that count them live in ../sources/.
 */
export const KPI_CODES = [
  'sales-region-coverage',
  'outsourced-outlets-with-agreement',
  'qualified-technicians',
  'service-manager-ratio',
  'expiring-certificates',
  'training-hours-per-person',
  'staff-trained-this-year',
  'tools-inspected-on-time',
  'documents-review-in-date',
  'outlets-reviewed',
  'corrective-actions-closed',
  'deliveries-accepted',
  'response-compliance',
  'on-site-compliance',
  'resolve-compliance',
  'mean-time-to-repair',
  'first-time-fix',
  'repeat-repair-30d',
  'follow-up-coverage',
  'sanbao-repair-30d',
  'returns-vendor-turnaround',
  'returns-past-notice',
  'goods-scrapped',
  'inspections-on-time',
  'survey-response-rate',
  'csat',
  'nps',
  'complaint-acknowledged-on-time',
  'complaint-resolved-on-time',
  'complaint-resolution-rate',
  'reopen-rate',
  'major-complaints',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

export function isKpiCode(code: string): code is KpiCode {
  return (KPI_CODES as readonly string[]).includes(code);
}

export interface KpiDefinition {
  code: KpiCode;
  indicators: readonly Indicator[];
  title: { zh: string; en: string };
  definition: { zh: string; en: string };
  unit: KpiUnit;
  /** Which way is good; null for a plain tally that is neither. */
  better: 'higher' | 'lower' | null;
}

/** The day register-based KPIs are judged on, as definitions name it. */
const AS_OF = {
  zh: '统计日（期间末日；期间尚未结束时为今天）',
  en: 'the as-of day (the period’s last day, or today while the period has not ended)',
};

/** Deadlines of tickets and complaints are counted once decided; the words are the same for each. */
const DECIDED = {
  zh: '时限未到且尚未完成的不计入',
  en: 'Deadlines still running are not counted',
};

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    code: 'sales-region-coverage',
    indicators: ['organization'],
    title: { zh: '销售区域网点覆盖率', en: 'Sales regions covered by an outlet' },
    definition: {
      zh:
        '系统中没有单独的销售区域清单：销售区域取在册（启用）客户登记的不同所在区域（按网点查看时取该网点的客户）。' +
        '某区域被运营中的网点的所在区域或服务区域包含（上级区域包含其下所有区域）时计为已覆盖。' +
        '分子：已覆盖的区域；分母：销售区域。按客户与网点登记的现状统计。',
      en:
        'There is no list of sales regions in the system: the sales regions are the distinct regions of the ' +
        'active customers (of the outlet, when narrowed to one). A region is covered when an active outlet’s ' +
        'region or coverage regions include it (a region includes everything below it). Numerator: covered ' +
        'regions; denominator: sales regions. Customers and outlets as they stand now.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'outsourced-outlets-with-agreement',
    indicators: ['organization'],
    title: { zh: '委外网点服务协议有效率', en: 'Outsourced outlets with a valid agreement' },
    definition: {
      zh: `运营中的委外网点中，${AS_OF.zh}服务协议有效（有协议编号，已生效且未过期）的比例。分子：协议有效的委外网点；分母：运营中的委外网点。`,
      en: `Active outsourced outlets whose service agreement is valid on ${AS_OF.en}: it has a number, has started and has not expired. Numerator: outlets with a valid agreement; denominator: active outsourced outlets.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'qualified-technicians',
    indicators: ['staffing', 'repair'],
    title: { zh: '维修人员持证率', en: 'Technicians with a valid qualification' },
    definition: {
      zh: `在用（未停用）的维修人员中，${AS_OF.zh}持有至少一份有效资格证书（已发证、未过期、在册）的比例。分子：持证维修人员；分母：维修人员。`,
      en: `Enabled users with the technician role who hold at least one active certificate in force on ${AS_OF.en} (issued, not expired). Numerator: qualified technicians; denominator: technicians.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'service-manager-ratio',
    indicators: ['staffing'],
    title: { zh: '售后服务管理师占比', en: 'Certified 售后服务管理师 among service managers' },
    definition: {
      zh: `服务管理人员取在用的“管理人员”（manager 角色）用户。分子：其中${AS_OF.zh}持有有效“售后服务管理师”证书的人数；分母：服务管理人员人数。标准要求不低于 10% 且至少 1 人。`,
      en: `Service-management staff are the enabled users with the manager role. Numerator: those holding a 售后服务管理师 certificate in force on ${AS_OF.en}; denominator: service-management staff. The standard asks for at least 10% and at least one.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'expiring-certificates',
    indicators: ['staffing'],
    title: { zh: '即将到期的资格证书', en: 'Certificates expiring within 30 days' },
    definition: {
      zh: `在用员工的在册资格证书中，${AS_OF.zh}起 30 天内到期（含当天）的证书数量。`,
      en: `Active certificates of enabled staff that expire within 30 days of ${AS_OF.en} (that day included).`,
    },
    unit: 'count',
    better: 'lower',
  },
  {
    code: 'training-hours-per-person',
    indicators: ['resources', 'staffing'],
    title: { zh: '人均培训学时', en: 'Training hours per person' },
    definition: {
      zh: '服务人员取在用的坐席、调度、维修、返修和管理人员。分子：他们参加的期间内举办的员工培训（在册）学时合计；分母：服务人员人数；值：人均学时。',
      en: 'Service staff are the enabled agents, dispatchers, technicians, returns clerks and managers. Numerator: the hours of the staff trainings held in the period (active records) that they attended; denominator: service staff; value: hours per person.',
    },
    unit: 'hours',
    better: 'higher',
  },
  {
    code: 'staff-trained-this-year',
    indicators: ['resources', 'staffing'],
    title: { zh: '本年度参训人员比例', en: 'Staff trained this year' },
    definition: {
      zh: '服务人员（同上）中，自期间末日所在年度 1 月 1 日至期间末日参加过至少一次员工培训的比例。分子：参训人数；分母：服务人员人数。',
      en: 'Service staff (as above) who attended at least one staff training from 1 January of the year the period ends in up to the period’s last day. Numerator: staff trained; denominator: service staff.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'tools-inspected-on-time',
    indicators: ['resources'],
    title: { zh: '设备工具年检及时率', en: 'Tools inspected on time' },
    definition: {
      zh: `在册设备工具中，${AS_OF.zh}年检状态为正常或即将到期（已检定、最近一次未判不合格、下次年检日未过）的比例。分子：年检在期的工具；分母：在册工具。`,
      en: `Active tools whose inspection status on ${AS_OF.en} is ok or due soon: inspected, the latest inspection not failed, the next inspection date not passed. Numerator: tools in date; denominator: active tools.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'documents-review-in-date',
    indicators: ['norms'],
    title: { zh: '受控文件按期复审率', en: 'Controlled documents reviewed in time' },
    definition: {
      zh: `现行有效的受控文件（服务手册、程序文件、法律法规清单等，按登记现状；按网点查看时取该网点的文件）中，${AS_OF.zh}复审期限未过的比例（未定复审日期的计为在期）。分子：复审在期的文件；分母：现行文件。`,
      en: `Controlled documents in force (service manual, procedures, legal register…, as registered now; of the outlet, when narrowed to one) whose review date has not passed on ${AS_OF.en} (one without a review date counts as in date). Numerator: documents in date; denominator: documents in force.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'outlets-reviewed',
    indicators: ['supervision', 'organization'],
    title: { zh: '网点年度考核完成率', en: 'Outlets reviewed' },
    definition: {
      zh: '运营中的网点中，有期间所涉年度的年度考核记录（在册）的比例。分子：已考核网点；分母：运营中的网点。',
      en: 'Active outlets with a yearly review (active record) for a year the period touches. Numerator: outlets reviewed; denominator: active outlets.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'corrective-actions-closed',
    indicators: ['improvement', 'supervision'],
    title: { zh: '整改措施关闭率', en: 'Corrective actions closed' },
    definition: {
      zh: '期间内提出（登记）的网点考核整改措施（在册）中，到目前已关闭的比例。分子：已关闭；分母：提出的措施。投诉的纠正措施随投诉解决一并记录，没有单独的关闭，不计入。',
      en: 'Rectification actions of outlet reviews raised (recorded) in the period, active records: the share closed by now. Numerator: closed; denominator: raised. A complaint’s corrective action is recorded with its resolution and has no closure of its own, so it is not counted.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'deliveries-accepted',
    indicators: ['delivery', 'tech-support'],
    title: { zh: '交付验收记录率', en: 'Deliveries with a recorded acceptance' },
    definition: {
      zh: '交付日期在期间内的在册设备中，已登记验收日期的比例。分子：已验收；分母：期间内交付的设备。',
      en: 'Active sold units delivered in the period (by delivery date): the share with an acceptance date recorded. Numerator: accepted; denominator: units delivered in the period.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'response-compliance',
    indicators: ['repair'],
    title: { zh: '响应及时率', en: 'Response on time' },
    definition: {
      zh: `期间内报修且未取消的工单中，响应时限已有结论的：不晚于响应时限首次接单（已联系客户、约定上门时间）且未记录响应超时的计为按时；已记录响应超时，或时限已过仍未接单、接单晚于时限的计为超时。${DECIDED.zh}。分子：按时；分母：按时 + 超时。`,
      en: `Tickets reported in the period and not cancelled, whose response deadline is decided: on time when first accepted (customer contacted, visit agreed) by the deadline and no response breach is recorded; missed when a breach is recorded, or the deadline passed without acceptance or with a late one. ${DECIDED.en}. Numerator: on time; denominator: on time + missed.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'on-site-compliance',
    indicators: ['repair'],
    title: { zh: '到场及时率', en: 'On site on time' },
    definition: {
      zh: `期间内报修且未取消的工单中，到场时限已有结论的：不晚于到场时限首次到场签到且未记录到场超时的计为按时；已记录到场超时，或时限已过仍未到场、到场晚于时限的计为超时。${DECIDED.zh}。分子：按时；分母：按时 + 超时。`,
      en: `Tickets reported in the period and not cancelled, whose on-site deadline is decided: on time when the technician first checked in on site by the deadline and no on-site breach is recorded; missed when a breach is recorded, or the deadline passed without a check-in or with a late one. ${DECIDED.en}. Numerator: on time; denominator: on time + missed.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'resolve-compliance',
    indicators: ['repair'],
    title: { zh: '修复及时率', en: 'Resolved on time' },
    definition: {
      zh: `期间内报修且未取消的工单中，修复时限已有结论的：不晚于修复时限完成且未记录修复超时的计为按时（挂起期间时钟停止，恢复后时限顺延；重开的工单按重开时重新计算的时限）；已记录修复超时，或时限已过仍未完成、完成晚于时限的计为超时。挂起中（挂起始于时限之前）的工单和${DECIDED.zh}。分子：按时；分母：按时 + 超时。`,
      en: `Tickets reported in the period and not cancelled, whose resolve deadline is decided: on time when resolved by the deadline (moved later by time on hold; a reopened ticket has the deadline set at its reopening) and no resolve breach is recorded; missed when a breach is recorded, or the deadline passed unresolved or the resolution came late. Tickets on hold (since before the deadline) are not counted, nor are deadlines still running. Numerator: on time; denominator: on time + missed.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'mean-time-to-repair',
    indicators: ['repair'],
    title: { zh: '平均修复时间', en: 'Mean time to repair' },
    definition: {
      zh: '期间内完成（最近一次完成时间在期间内）的工单，从报修到完成的时长减去挂起时长（净修复时长），单位小时。分子：净时长合计；分母：工单数；值：平均值。',
      en: 'Tickets resolved in the period (by their latest resolution): hours from report to resolution less the time on hold (net time). Numerator: sum of net hours; denominator: tickets; value: the mean.',
    },
    unit: 'hours',
    better: 'lower',
  },
  {
    code: 'first-time-fix',
    indicators: ['repair'],
    title: { zh: '一次修复率', en: 'First-time fix' },
    definition: {
      zh: '期间内完成的工单中，一次修好的比例：从未挂起（等待配件、客户或厂家）、从未带回维修站、从未重开。分子：一次修复；分母：期间内完成的工单。',
      en: 'Tickets resolved in the period that were fixed in one go: never put on hold (awaiting parts, the customer or a vendor), never taken back to the depot and never reopened. Numerator: fixed first time; denominator: tickets resolved in the period.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'repeat-repair-30d',
    indicators: ['repair', 'improvement'],
    title: { zh: '30 天内返修率', en: 'Repeat repairs within 30 days' },
    definition: {
      zh: '期间内报修、未取消且登记了出厂编号的工单中，同一出厂编号的设备在本次报修前 30 天（720 小时）内有另一张工单完成的比例（修后 30 天内再次报修）。分子：返修；分母：有出厂编号的报修。',
      en: 'Tickets reported in the period, not cancelled, naming a serial number: the share for which another ticket of the same serial number was resolved in the 30 days (720 hours) before this report (the unit came back within 30 days of its repair). Numerator: repeat repairs; denominator: reports with a serial number.',
    },
    unit: 'ratio',
    better: 'lower',
  },
  {
    code: 'follow-up-coverage',
    indicators: ['repair', 'customer-relations'],
    title: { zh: '维修回访及时率', en: 'Follow-ups within the policy time' },
    definition: {
      zh: '应回访时间（服务承诺：完成后默认 3 天）在期间内的维修回访，不含已取消的（工单重开后作废）。已有结论的：在应回访时间之前联系到客户并完成的计为达标；无法联系、逾期完成，或应回访时间已过仍待回访的计为未达标；应回访时间未到且仍待回访的不计入。分子：按时完成；分母：已有结论的回访。',
      en: 'Follow-ups of repairs due in the period (by default 3 days after the resolution, per the service policy), cancelled ones left out (a reopened ticket’s follow-up is void). Of those decided: met when the customer was reached and the follow-up completed by its due time; not met when unreachable, completed late, or still pending past the due time. Pending follow-ups not yet due are not counted. Numerator: completed on time; denominator: decided follow-ups.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'sanbao-repair-30d',
    indicators: ['quality'],
    title: { zh: '三包 30 日修复率', en: 'In-warranty repairs within 30 days (三包)' },
    definition: {
      zh: '期间内报修、未取消且在保修期内的工单：自报修起 30 天（720 小时）内完成的计为达标（三包规定修理须在 30 日内完成，挂起不停止该期限）；超过 30 天才完成或 30 天已过仍未完成的计为未达标；未满 30 天且未完成的不计入。分子：达标；分母：已有结论的工单。',
      en: 'In-warranty tickets reported in the period and not cancelled: met when resolved within 30 days (720 hours) of the report (三包 requires a repair within 30 days; holds do not stop this clock); not met when resolved later, or still unresolved once the 30 days have passed. Tickets within their 30 days and not yet resolved are not counted. Numerator: met; denominator: decided tickets.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'returns-vendor-turnaround',
    indicators: ['quality'],
    title: { zh: '返修厂家周转天数', en: 'Days at the vendor' },
    definition: {
      zh: '期间内接收的返修物品中已发往厂家的：在厂家的天数（发出至返回，尚在厂家的计至当前），每条记录保留一位小数。分子：天数合计；分母：记录数；值：平均天数（一位小数）。',
      en: 'Returned goods received in the period and shipped to a vendor: days at the vendor (shipment to return, or to now while still there), one decimal per record. Numerator: sum of days; denominator: records; value: the mean (one decimal).',
    },
    unit: 'days',
    better: 'lower',
  },
  {
    code: 'returns-past-notice',
    indicators: ['quality'],
    title: { zh: '返修超告知期比例', en: 'Returns past the notice threshold' },
    definition: {
      zh: '期间内接收的返修物品中，离开客户的时间超过告知阈值（服务承诺，默认 14 天）的比例：已处理完毕（退还、退款或报废）的按处理完毕时间判断，未处理完毕的按当前时间判断。分子：超过阈值；分母：期间内接收的记录。',
      en: 'Returned goods received in the period that were away from the customer longer than the notice threshold (service policy, 14 days by default), judged at settlement (returned, refunded or scrapped) or now while unsettled. Numerator: past the threshold; denominator: records received in the period.',
    },
    unit: 'ratio',
    better: 'lower',
  },
  {
    code: 'goods-scrapped',
    indicators: ['recycling'],
    title: { zh: '废弃商品回收处置数', en: 'Goods scrapped with a record' },
    definition: {
      zh: '报废日期在期间内的返修物品数量（废弃商品回收记录：处置方式、回收单位）。',
      en: 'Returned goods scrapped in the period (by scrapping date), each recorded with its method and recycler.',
    },
    unit: 'count',
    better: null,
  },
  {
    code: 'inspections-on-time',
    indicators: ['customer-relations', 'repair'],
    title: { zh: '巡检及时率', en: 'Inspections on time' },
    definition: {
      zh: '计划巡检时间在期间内的巡检，不含已取消的。已有结论的：在计划时间之前完成的计为达标；无法联系、逾期完成，或计划时间已过仍未完成的计为未达标；计划时间未到且未完成的不计入。分子：按时完成；分母：已有结论的巡检。',
      en: 'Inspections due in the period, cancelled ones left out. Of those decided: met when completed by the due time; not met when unreachable, completed late, or still pending past the due time. Pending inspections not yet due are not counted. Numerator: completed on time; denominator: decided inspections.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'survey-response-rate',
    indicators: ['customer-relations'],
    title: { zh: '满意度调查回复率', en: 'Survey response rate' },
    definition: {
      zh: '期间内发出的满意度调查邀请中已作答的比例（与满意度调查结果同一口径：按发出时间，作答时间不限）。分子：已作答；分母：发出的邀请。',
      en: 'Survey invitations sent in the period that were answered (the cohort of the survey results: by sending time, answered whenever). Numerator: answered; denominator: invitations sent.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'csat',
    indicators: ['customer-relations'],
    title: { zh: '客户满意度（CSAT）', en: 'Customer satisfaction (CSAT)' },
    definition: {
      zh: '期间内发出的邀请收到的答卷中，对总体满意度（模板的第一个评分题）评 4 或 5 分的比例。分子：满意；分母：对该题作答的答卷。',
      en: 'Answers to invitations sent in the period that rated the overall satisfaction (the template’s first rating question) 4 or 5. Numerator: satisfied; denominator: answers rating it.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'nps',
    indicators: ['customer-relations'],
    title: { zh: '净推荐值（NPS）', en: 'Net promoter score (NPS)' },
    definition: {
      zh: '期间内发出的邀请收到的答卷中，对推荐意愿（模板的第一个 NPS 题）作答的：推荐者（9–10 分）所占百分比减去贬损者（0–6 分）所占百分比。分子：推荐者 − 贬损者；分母：作答数；值：NPS（−100 至 100，一位小数）。',
      en: 'Answers to invitations sent in the period that answered the likelihood to recommend (the template’s first NPS question): percent promoters (9–10) minus percent detractors (0–6). Numerator: promoters − detractors; denominator: answers; value: NPS (−100 to 100, one decimal).',
    },
    unit: 'score',
    better: 'higher',
  },
  {
    code: 'complaint-acknowledged-on-time',
    indicators: ['complaints'],
    title: { zh: '投诉受理及时率', en: 'Complaints acknowledged on time' },
    definition: {
      zh: `期间内受理的投诉中，受理确认时限（服务承诺，默认 24 小时）已有结论的：不晚于时限确认的计为按时；时限已过仍未确认或确认晚于时限的计为超时。${DECIDED.zh}。分子：按时；分母：按时 + 超时。`,
      en: `Complaints received in the period whose acknowledgement deadline (service policy, 24 hours by default) is decided: on time when acknowledged by the deadline; missed when the deadline passed unacknowledged or the acknowledgement came late. ${DECIDED.en}. Numerator: on time; denominator: on time + missed.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'complaint-resolved-on-time',
    indicators: ['complaints'],
    title: { zh: '投诉处理及时率', en: 'Complaints resolved on time' },
    definition: {
      zh: `期间内受理的投诉中，处理时限（服务承诺，默认 7 天）已有结论的：不晚于时限解决的计为按时；时限已过仍未解决或解决晚于时限的计为超时。${DECIDED.zh}。分子：按时；分母：按时 + 超时。`,
      en: `Complaints received in the period whose resolution deadline (service policy, 7 days by default) is decided: on time when resolved by the deadline; missed when the deadline passed unresolved or the resolution came late. ${DECIDED.en}. Numerator: on time; denominator: on time + missed.`,
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'complaint-resolution-rate',
    indicators: ['complaints'],
    title: { zh: '投诉解决率', en: 'Complaints resolved' },
    definition: {
      zh: '期间内受理的投诉中，到目前已解决（已解决或已关闭）的比例。分子：已解决；分母：期间内受理的投诉。',
      en: 'Complaints received in the period that are resolved by now (resolved or closed). Numerator: resolved; denominator: complaints received in the period.',
    },
    unit: 'ratio',
    better: 'higher',
  },
  {
    code: 'reopen-rate',
    indicators: ['complaints', 'repair'],
    title: { zh: '工单重开率', en: 'Tickets reopened' },
    definition: {
      zh: '期间内报修、未取消且至少完成过一次的工单中，完成后又被重开（回访不满意或投诉）的比例。分子：重开过的工单；分母：完成过的工单（含重开后尚未再次完成的）。',
      en: 'Tickets reported in the period, not cancelled, resolved at least once: the share reopened after a resolution (a failed follow-up or a complaint). Numerator: tickets reopened; denominator: tickets resolved at least once (including those reopened and not yet resolved again).',
    },
    unit: 'ratio',
    better: 'lower',
  },
  {
    code: 'major-complaints',
    indicators: ['complaints'],
    title: { zh: '重大投诉数', en: 'Major complaints' },
    definition: {
      zh: '期间内受理的重大投诉数量。',
      en: 'Complaints of major severity received in the period.',
    },
    unit: 'count',
    better: 'lower',
  },
];

export function kpiDefinition(code: KpiCode): KpiDefinition {
  const definition = KPI_DEFINITIONS.find((candidate) => candidate.code === code);
  if (!definition) throw new Error(`No definition for KPI ${code}`);
  return definition;
}
