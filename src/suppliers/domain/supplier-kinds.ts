export const SUPPLIER_KINDS = ['manufacturer', 'vendor', 'repairer'] as const;
export type SupplierKind = (typeof SUPPLIER_KINDS)[number];
