import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { PERIOD_END, PERIOD_START, queryEvidenceSource } from '../evidence/evidence-query';
import { AuditLogEntity } from './audit-log.entity';

/**
 * The audit trail of the period (系统操作审计记录), in chain order: who did what to which record, and
 * each entry's hash, which with the verification result shows the excerpt is unaltered. The changes
 * themselves stay out: the registers of the period show the records, and a year of them is large.
 * Entries are streamed; a period can hold millions.
 */
export function auditEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  return [
    queryEvidenceSource(dataSource, timeZone, {
      code: 'audit-trail',
      columns: [
        { key: 'seq', zh: '序号', en: 'Seq', kind: 'integer', width: 10 },
        { key: 'at', zh: '时间', en: 'Time', kind: 'datetime', width: 17 },
        { key: 'actorName', zh: '操作人', en: 'Actor', kind: 'text', width: 14 },
        { key: 'action', zh: '操作', en: 'Action', kind: 'text', width: 28 },
        { key: 'entityType', zh: '记录类型', en: 'Record type', kind: 'text', width: 18 },
        { key: 'entityId', zh: '记录标识', en: 'Record id', kind: 'text', width: 38 },
        { key: 'hash', zh: '哈希值', en: 'Hash', kind: 'text', width: 66 },
      ],
      records: () =>
        dataSource
          .getRepository(AuditLogEntity)
          .createQueryBuilder('a')
          .where(`a.at >= ${PERIOD_START} AND a.at < ${PERIOD_END}`),
      select: {
        id: 'a.seq',
        seq: 'a.seq',
        at: 'a.at',
        actorName: 'a.actorName',
        action: 'a.action',
        entityType: 'a.entityType',
        entityId: 'a.entityId',
        hash: 'a.hash',
      },
      orderBy: ['a.seq'],
    }),
  ];
}
