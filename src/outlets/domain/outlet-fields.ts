import type { Labels } from '../../common/labels';
import type { RectificationStatus } from '../rectification-action.entity';

export const OUTLET_KINDS = ['own', 'outsourced'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

export const OUTLET_STATUSES = ['proposed', 'approved', 'active', 'suspended', 'closed'] as const;
export type OutletStatus = (typeof OUTLET_STATUSES)[number];

export const OUTLET_KIND_LABELS: Labels<OutletKind> = {
  own: { zh: '自建', en: 'Own' },
  outsourced: { zh: '委外', en: 'Outsourced' },
};

export const OUTLET_STATUS_LABELS: Labels<OutletStatus> = {
  proposed: { zh: '筹建中', en: 'Proposed' },
  approved: { zh: '已批准待启用', en: 'Approved' },
  active: { zh: '运营中', en: 'Active' },
  suspended: { zh: '已暂停', en: 'Suspended' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** Rectification actions of outlet reviews (the vocabulary lives with their entity). */
export const RECTIFICATION_STATUS_LABELS: Labels<RectificationStatus> = {
  open: { zh: '整改中', en: 'Open' },
  closed: { zh: '已关闭', en: 'Closed' },
};
