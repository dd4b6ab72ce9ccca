import type { Labels } from '../../common/labels';

export const SUPPLIER_KINDS = ['manufacturer', 'vendor', 'repairer'] as const;
export type SupplierKind = (typeof SUPPLIER_KINDS)[number];

export const SUPPLIER_KIND_LABELS: Labels<SupplierKind> = {
  manufacturer: { zh: '制造商', en: 'Manufacturer' },
  vendor: { zh: '供应商', en: 'Vendor' },
  repairer: { zh: '维修商', en: 'Repairer' },
};
