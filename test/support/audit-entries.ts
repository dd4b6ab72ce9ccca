import type { DataSource } from 'typeorm';

export interface AuditEntryRow {
  action: string;
  actorId: string | null;
  changes: Record<string, unknown>;
}

/** The audit entries of one record, oldest first. */
export async function auditEntriesFor(
  dataSource: DataSource,
  entityType: string,
  entityId: string,
): Promise<AuditEntryRow[]> {
  return dataSource.query(
    `SELECT action, actor_id AS "actorId", changes FROM audit_log
      WHERE entity_type = $1 AND entity_id = $2 ORDER BY seq`,
    [entityType, entityId],
  );
}
