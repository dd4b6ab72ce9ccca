import type { Labels } from '../../common/labels';

/**
 * The evidence auditors ask for (GBT27922.md §3), by stable code: what the evidence catalog lists and
 * the audit pack holds. Sampled types are scored by proportion and printed as record forms.
 */
export const INDICATORS = [
  'organization',
  'staffing',
  'resources',
  'norms',
  'supervision',
  'improvement',
  'culture',
  'product-info',
  'tech-support',
  'delivery',
  'repair',
  'quality',
  'recycling',
  'customer-relations',
  'complaints',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** The indicators' names as the standard words them. */
export const INDICATOR_LABELS: Labels<Indicator> = {
  organization: { zh: '组织架构', en: 'Organisation' },
  staffing: { zh: '人员配置', en: 'Staffing' },
  resources: { zh: '资源配置', en: 'Resources' },
  norms: { zh: '规范要求', en: 'Norms' },
  supervision: { zh: '监督', en: 'Supervision' },
  improvement: { zh: '改进', en: 'Improvement' },
  culture: { zh: '服务文化', en: 'Service culture' },
  'product-info': { zh: '商品信息', en: 'Product information' },
  'tech-support': { zh: '技术支持', en: 'Technical support' },
  delivery: { zh: '配送', en: 'Delivery' },
  repair: { zh: '维修', en: 'Repair' },
  quality: { zh: '质量保证', en: 'Quality assurance' },
  recycling: { zh: '废弃商品回收', en: 'Recycling' },
  'customer-relations': { zh: '顾客关系', en: 'Customer relations' },
  complaints: { zh: '投诉处理', en: 'Complaint handling' },
};

export interface EvidenceType {
  code: string;
  zh: string;
  en: string;
  indicators: readonly Indicator[];
  /** Where the records come from, for the reader of the catalog. */
  source: { zh: string; en: string };
  /** Records auditors check one by one (抽样), at this default sample size. */
  sampled: boolean;
}

/** The default number of records an auditor samples (often "4 份"). */
export const DEFAULT_SAMPLE_SIZE = 4;

export const EVIDENCE_TYPES = [
  {
    code: 'outlets',
    zh: '售后服务网点清单',
    en: 'Service outlets',
    indicators: ['organization'],
    source: { zh: '售后服务网点', en: 'outlets' },
    sampled: false,
  },
  {
    code: 'outlet-reviews',
    zh: '网点检查与整改记录',
    en: 'Outlet reviews and rectification',
    indicators: ['organization', 'supervision'],
    source: { zh: '网点年度考核', en: 'outlet yearly reviews' },
    sampled: false,
  },
  {
    code: 'service-managers',
    zh: '售后服务管理师名单',
    en: 'Certified service managers',
    indicators: ['staffing'],
    source: { zh: '类型为售后服务管理师的资格证书', en: 'qualifications of type 售后服务管理师' },
    sampled: false,
  },
  {
    code: 'qualifications',
    zh: '员工资格证书',
    en: 'Staff qualifications',
    indicators: ['staffing'],
    source: { zh: '资格证书', en: 'qualifications' },
    sampled: true,
  },
  {
    code: 'staff-trainings',
    zh: '员工培训记录',
    en: 'Staff trainings',
    indicators: ['resources', 'staffing'],
    source: { zh: '员工培训', en: 'trainings of kind staff' },
    sampled: false,
  },
  {
    code: 'performance-reviews',
    zh: '员工绩效考核记录',
    en: 'Performance reviews',
    indicators: ['resources', 'supervision'],
    source: { zh: '员工绩效考核', en: 'performance reviews' },
    sampled: false,
  },
  {
    code: 'tools',
    zh: '设备工具年检记录',
    en: 'Tool inspections',
    indicators: ['resources'],
    source: { zh: '设备工具及年检', en: 'tools and inspections' },
    sampled: false,
  },
  {
    code: 'suppliers',
    zh: '合格供方名录',
    en: 'Qualified suppliers',
    indicators: ['quality', 'repair'],
    source: { zh: '合格供方', en: 'suppliers' },
    sampled: false,
  },
  {
    code: 'service-policy',
    zh: '售后服务承诺',
    en: 'Service commitments',
    indicators: ['culture', 'repair'],
    source: { zh: '服务承诺各版本', en: 'service policy versions' },
    sampled: false,
  },
  {
    code: 'price-list',
    zh: '易损件价目表 / 维修收费标准',
    en: 'Parts and repair fee list',
    indicators: ['product-info', 'repair', 'tech-support'],
    source: { zh: '配件及收费标准', en: 'parts and fees' },
    sampled: false,
  },
  {
    code: 'installations',
    zh: '交付验收与安装调试记录',
    en: 'Delivery, acceptance and installation records',
    indicators: ['tech-support', 'delivery'],
    source: { zh: '售出设备的交付、验收与安装', en: 'assets: delivery, acceptance, installation' },
    sampled: false,
  },
  {
    code: 'customer-trainings',
    zh: '客户培训记录',
    en: 'Customer trainings',
    indicators: ['tech-support'],
    source: { zh: '客户培训', en: 'trainings of kind customer' },
    sampled: false,
  },
  {
    code: 'repair-requests',
    zh: '客户报修记录',
    en: 'Repair requests',
    indicators: ['repair'],
    source: { zh: '报修工单（受理信息）', en: 'tickets (intake view)' },
    sampled: false,
  },
  {
    code: 'repair-records',
    zh: '维修记录单',
    en: 'Repair records',
    indicators: ['repair'],
    source: { zh: '含维修记录的工单', en: 'tickets with work logs' },
    sampled: true,
  },
  {
    code: 'follow-ups',
    zh: '维修后的回访记录',
    en: 'Follow-up visits',
    indicators: ['repair', 'customer-relations'],
    source: { zh: '回访', en: 'follow-ups' },
    sampled: false,
  },
  {
    code: 'inspections',
    zh: '客户巡检记录',
    en: 'Customer inspections',
    indicators: ['customer-relations', 'repair'],
    source: { zh: '巡检', en: 'inspections' },
    sampled: false,
  },
  {
    code: 'returns',
    zh: '返修及退换货记录',
    en: 'Returned goods',
    indicators: ['quality'],
    source: { zh: '返修物品', en: 'returned goods' },
    sampled: true,
  },
  {
    code: 'recycling',
    zh: '废弃商品回收记录',
    en: 'Disposal of returned goods',
    indicators: ['recycling'],
    source: { zh: '报废的返修物品', en: 'scrapped returned goods' },
    sampled: false,
  },
  {
    code: 'complaints',
    zh: '客户投诉记录',
    en: 'Complaints',
    indicators: ['complaints'],
    source: { zh: '投诉', en: 'complaints' },
    sampled: true,
  },
  {
    code: 'surveys',
    zh: '客户满意度调查表及报告',
    en: 'Satisfaction surveys and results',
    indicators: ['customer-relations'],
    source: { zh: '满意度调查答卷与结果', en: 'survey answers and results' },
    sampled: false,
  },
  {
    code: 'notifications',
    zh: '客户通知记录',
    en: 'Customer notifications',
    indicators: ['customer-relations', 'quality'],
    source: { zh: '消息记录', en: 'messages' },
    sampled: false,
  },
  {
    code: 'corrective-actions',
    zh: '纠正与改进记录',
    en: 'Corrective actions',
    indicators: ['improvement', 'supervision'],
    source: { zh: '投诉与网点考核的整改措施', en: 'complaint and review corrective actions' },
    sampled: false,
  },
  {
    code: 'documents',
    zh: '售后服务手册、法律法规清单、组织机构图、证书、合同等',
    en: 'Service manual, legal register, organisation chart, certificates, contracts',
    indicators: ['norms', 'organization', 'improvement', 'culture'],
    source: { zh: '受控文件', en: 'controlled documents register' },
    sampled: false,
  },
  {
    code: 'audit-trail',
    zh: '系统操作审计记录',
    en: 'System audit trail',
    indicators: ['supervision'],
    source: { zh: '审计日志及其校验', en: 'audit log and its verification' },
    sampled: false,
  },
  {
    code: 'kpi-summary',
    zh: '售后服务指标汇总',
    en: 'Service KPI summary',
    indicators: [...INDICATORS],
    source: { zh: '期间的服务指标', en: 'KPIs for the period' },
    sampled: false,
  },
] as const satisfies readonly EvidenceType[];

export type EvidenceCode = (typeof EVIDENCE_TYPES)[number]['code'];
export const EVIDENCE_CODES: readonly EvidenceCode[] = EVIDENCE_TYPES.map((type) => type.code);

export function evidenceType(code: EvidenceCode): EvidenceType {
  const type = EVIDENCE_TYPES.find((candidate) => candidate.code === code);
  if (!type) throw new Error(`Unknown evidence type ${code}`);
  return type;
}
