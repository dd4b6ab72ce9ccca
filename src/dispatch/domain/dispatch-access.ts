import { TICKET_WORKFLOW } from '../../tickets/domain/ticket-workflow';
import type { Role } from '../../users/domain/roles';

/** Whoever may dispatch a ticket may ask whom to dispatch it to. */
export const CANDIDATE_READERS: readonly Role[] = TICKET_WORKFLOW.dispatch.roles;

/** The board is also open to auditors, read-only like everything they see. */
export const BOARD_READERS: readonly Role[] = [...CANDIDATE_READERS, 'auditor'];
