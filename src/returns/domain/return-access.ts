import type { Role } from '../../users/domain/roles';

/** Who reads returned goods: the depot and desk, managers and auditors; IT administrators do not. */
export const RETURN_READERS: readonly Role[] = [
  'returns_clerk',
  'technician',
  'agent',
  'dispatcher',
  'manager',
  'auditor',
];

/** Goods a customer brings back at the counter are taken in by the returns clerk, the desk or a manager. */
export const RETURN_INTAKE: readonly Role[] = ['returns_clerk', 'agent', 'manager'];

/** The phone notice to a customer without a mail address is made by the desk or the returns clerk. */
export const NOTICE_CALLERS: readonly Role[] = ['returns_clerk', 'agent', 'manager'];
