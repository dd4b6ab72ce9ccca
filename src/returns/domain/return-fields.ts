import { chineseNames, type Labels } from '../../common/labels';

/** The vocabulary of returned goods (SPEC §3.2). */
export const RETURN_STATUSES = [
  'received',
  'inspected',
  'registered',
  'shipped_to_vendor',
  'back_from_vendor',
  'returned_to_customer',
  'closed',
  'scrapped',
  'refunded',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/**
 * States in which the customer's matter is settled: the goods are back with them, their money is, or
 * the goods were disposed of. Nothing is "away" any more: no notice, no objection to a ticket's resolve.
 */
export const SETTLED_RETURN_STATUSES: readonly ReturnStatus[] = [
  'returned_to_customer',
  'closed',
  'refunded',
  'scrapped',
];

export const RETURN_KINDS = ['repair', 'exchange', 'refund'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export const FINDINGS = ['product_fault', 'human_damage', 'no_fault_found'] as const;
export type Finding = (typeof FINDINGS)[number];

export const VENDOR_OUTCOMES = ['repaired', 'replaced', 'rejected'] as const;
export type VendorOutcome = (typeof VENDOR_OUTCOMES)[number];

/** How the goods went back to the customer. */
export const RETURN_METHODS = ['pickup', 'delivery', 'courier'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

/** How scrapped goods were disposed of (废弃商品回收). */
export const SCRAP_METHODS = ['recycling', 'dismantling', 'destruction'] as const;
export type ScrapMethod = (typeof SCRAP_METHODS)[number];

/** How the customer was told that their goods are away longer than promised. */
export const NOTICE_CHANNELS = ['email', 'phone'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const RETURN_STATUS_LABELS: Labels<ReturnStatus> = {
  received: { zh: '已接收', en: 'Received' },
  inspected: { zh: '已检测', en: 'Inspected' },
  registered: { zh: '已交接', en: 'Registered' },
  shipped_to_vendor: { zh: '已寄供方', en: 'At vendor' },
  back_from_vendor: { zh: '供方已返回', en: 'Back from vendor' },
  returned_to_customer: { zh: '已返还客户', en: 'Returned to customer' },
  closed: { zh: '已关闭', en: 'Closed' },
  scrapped: { zh: '已报废', en: 'Scrapped' },
  refunded: { zh: '已退款', en: 'Refunded' },
};
export const RETURN_STATUS_NAMES = chineseNames(RETURN_STATUS_LABELS);

export const RETURN_KIND_LABELS: Labels<ReturnKind> = {
  repair: { zh: '返修', en: 'Repair' },
  exchange: { zh: '换货', en: 'Exchange' },
  refund: { zh: '退货', en: 'Refund' },
};
export const RETURN_KIND_NAMES = chineseNames(RETURN_KIND_LABELS);

export const FINDING_LABELS: Labels<Finding> = {
  product_fault: { zh: '产品故障', en: 'Product fault' },
  human_damage: { zh: '人为损坏', en: 'Human damage' },
  no_fault_found: { zh: '未发现故障', en: 'No fault found' },
};

export const VENDOR_OUTCOME_LABELS: Labels<VendorOutcome> = {
  repaired: { zh: '已修复', en: 'Repaired' },
  replaced: { zh: '已更换', en: 'Replaced' },
  rejected: { zh: '供方拒修', en: 'Rejected' },
};

export const RETURN_METHOD_LABELS: Labels<ReturnMethod> = {
  pickup: { zh: '客户自取', en: 'Picked up' },
  delivery: { zh: '送货上门', en: 'Delivered' },
  courier: { zh: '快递寄回', en: 'By courier' },
};

export const SCRAP_METHOD_LABELS: Labels<ScrapMethod> = {
  recycling: { zh: '回收利用', en: 'Recycling' },
  dismantling: { zh: '拆解处理', en: 'Dismantling' },
  destruction: { zh: '销毁', en: 'Destruction' },
};

export const NOTICE_CHANNEL_LABELS: Labels<NoticeChannel> = {
  email: { zh: '邮件', en: 'Email' },
  phone: { zh: '电话', en: 'Phone' },
};

/** The human number series of returned goods: RG2026-000001. */
export const RETURN_SERIES = 'RG';

/** Longest free text of a note or finding, and of a short one (a reason, a carrier). */
export const TEXT_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 500;
export const NAME_MAX_LENGTH = 100;

/** The label printed on each unit: the record's number and the item's line, RG2026-000001-1. */
export function labelCode(number: string, line: number): string {
  return `${number}-${line}`;
}
