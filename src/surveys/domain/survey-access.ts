import type { Role } from '../../users/domain/roles';

/** Who designs survey templates, sends campaigns and changes the survey settings. */
export const SURVEY_MANAGERS: readonly Role[] = ['manager', 'admin'];
/** Who reads templates, invitations and results; an outlet-bound reader sees only its outlet's. */
export const SURVEY_READERS: readonly Role[] = ['manager', 'auditor', 'admin'];
