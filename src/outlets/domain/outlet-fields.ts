export const OUTLET_KINDS = ['own', 'outsourced'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

export const OUTLET_STATUSES = ['proposed', 'approved', 'active', 'suspended', 'closed'] as const;
export type OutletStatus = (typeof OUTLET_STATUSES)[number];
