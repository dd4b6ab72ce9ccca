import { EVIDENCE_TYPES, type EvidenceCode, type Indicator } from '../../evidence/domain/evidence-types';
import { DEFAULT_OPTIONS, type ItemType, type RuleSetContent } from './rule-set';

/**
 * The default rule set (GBT27922.md §1–§2): one item per indicator carrying the indicator's default
 * points, sampled where the auditor samples the indicator's records, qualitative otherwise. Marked
 * indicative: the points are the commonly reported ones, not a certification body's own checklist.
 * Migration 1795420000001 stores it as version 1, written out there so that it never changes meaning.
 */
const DEFAULT_ITEMS: readonly { indicator: Indicator; points: number; type: ItemType; title: string }[] = [
  {
    indicator: 'organization',
    points: 6,
    type: 'qualitative',
    title: '设有负责售后服务的部门和岗位职责；自建或委托的服务网点覆盖销售区域并受管理',
  },
  {
    indicator: 'staffing',
    points: 8,
    type: 'sampled',
    title: '人员具备岗位所需资格；售后服务管理师不少于服务管理人员的 10%（至少 1 人）',
  },
  {
    indicator: 'resources',
    points: 8,
    type: 'qualitative',
    title: '经费与备件储备、持续培训、激励与关怀；场所、顾客信息系统、工具和备件齐备',
  },
  {
    indicator: 'norms',
    points: 5,
    type: 'qualitative',
    title: '各售后服务过程有成文程序并汇编为服务手册；识别适用的法律法规并为员工知晓',
  },
  {
    indicator: 'supervision',
    points: 4,
    type: 'qualitative',
    title: '有人监督售后服务体系的运行，结果用于奖惩，目标据此修订',
  },
  {
    indicator: 'improvement',
    points: 4,
    type: 'qualitative',
    title: '服务信息反馈至生产和销售，疑难问题提交研发；持有相关认证并参与标准化工作',
  },
  {
    indicator: 'culture',
    points: 5,
    type: 'qualitative',
    title: '有明确的服务理念；各处向顾客公布的服务承诺表述一致，并有宣传',
  },
  {
    indicator: 'product-info',
    points: 5,
    type: 'qualitative',
    title: '提供说明书、合格证和保修条款，公布配件与工时价格；发布缺陷通知',
  },
  {
    indicator: 'tech-support',
    points: 6,
    type: 'qualitative',
    title: '交付时提供安装、调试和操作培训；按收费标准明示收费',
  },
  {
    indicator: 'delivery',
    points: 5,
    type: 'qualitative',
    title: '按约定的时间和地点送达，交接验收有记录',
  },
  {
    indicator: 'repair',
    points: 8,
    type: 'sampled',
    title: '兑现公布的响应、到场和修复承诺；维修人员具备资格；每次维修有记录（配件及价格）；维修后回访',
  },
  {
    indicator: 'quality',
    points: 7,
    type: 'sampled',
    title: '按法律规定处理保修与三包、退换货及召回',
  },
  {
    indicator: 'recycling',
    points: 4,
    type: 'qualitative',
    title: '开展废旧商品回收或以旧换新，委托有资质的单位处置，并有记录',
  },
  {
    indicator: 'customer-relations',
    points: 12,
    type: 'qualitative',
    title: '设有服务热线和在线渠道；顾客信息保密；至少每年开展一次满意度调查；回访与巡检',
  },
  {
    indicator: 'complaints',
    points: 13,
    type: 'sampled',
    title: '每件投诉均有记录，在规定时限内处理并回访顾客；重大投诉上报；有处理目标',
  },
];

/** The evidence types of an indicator (the KPI summary, which covers every indicator, aside). */
function evidenceOf(indicator: Indicator): EvidenceCode[] {
  return EVIDENCE_TYPES.filter(
    (type) => type.code !== 'kpi-summary' && (type.indicators as readonly Indicator[]).includes(indicator),
  ).map((type) => type.code);
}

export const DEFAULT_RULE_SET: RuleSetContent = {
  name: 'GB/T 27922-2011 默认评分规则',
  indicative: true,
  definition: {
    items: DEFAULT_ITEMS.map((item) => ({
      code: item.indicator,
      indicator: item.indicator,
      title: item.title,
      points: item.points,
      type: item.type,
      evidence: evidenceOf(item.indicator),
    })),
    options: DEFAULT_OPTIONS,
  },
};
