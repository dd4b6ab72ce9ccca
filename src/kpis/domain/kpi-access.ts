import type { Role } from '../../users/domain/roles';

/**
 * Who reads the KPIs: those who prepare and check the certification (as for evidence and exports).
 * Dispatchers watch deadlines on the dispatch board; the KPIs also show survey answers and staff
 * certificates, which they do not read elsewhere.
 */
export const KPI_READERS: readonly Role[] = ['manager', 'auditor', 'admin'];
