/** The roles of SPEC §1. A user may hold several. */
export const ROLES = [
  'agent',
  'dispatcher',
  'technician',
  'returns_clerk',
  'manager',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ALL_ROLES: readonly Role[] = ROLES;

/** Roles that read the audit trail. */
/** The people who run the service day to day, whose training and hours the staff records count. */
export const SERVICE_STAFF_ROLES: readonly Role[] = [
  'agent',
  'dispatcher',
  'technician',
  'returns_clerk',
  'manager',
];

export const AUDIT_READERS: readonly Role[] = ['manager', 'auditor', 'admin'];
