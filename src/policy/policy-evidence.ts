import type { DataSource } from 'typeorm';
import { ZONES, ZONE_LABELS } from '../customers/domain/customer-fields';
import type { ExportRow } from '../evidence/domain/export-table';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { PERIOD_END, PERIOD_START, queryEvidenceSource } from '../evidence/evidence-query';
import {
  PRIORITIES,
  PRIORITY_LABELS,
  type PolicyCommitments,
  type Priority,
} from './domain/policy-commitments';
import { ServicePolicyEntity } from './service-policy.entity';

/** Most pressing first, as the commitments are printed. */
const BY_URGENCY = [...PRIORITIES].reverse();

/** A version's commitments as an auditor reads them on paper, one text per kind of promise. */
export function describeCommitments(commitments: PolicyCommitments): Record<string, string | number> {
  const perPriority = (hours: Record<Priority, number>) =>
    BY_URGENCY.map((priority) => `${PRIORITY_LABELS[priority].zh} ${hours[priority]}`).join('，');
  return {
    responseHours: perPriority(commitments.responseHours),
    onSiteHours: BY_URGENCY.map((priority) => {
      const zones = commitments.onSiteHours[priority];
      const byZone = ZONES.map((zone) => `${ZONE_LABELS[zone].zh} ${zones[zone]}`);
      return `${PRIORITY_LABELS[priority].zh}：${byZone.join('／')}`;
    }).join('；'),
    resolveHours: perPriority(commitments.resolveHours),
    followUpDays: commitments.followUpDays,
    complaintAcknowledgeHours: commitments.complaintAcknowledgeHours,
    complaintResolveDays: commitments.complaintResolveDays,
    returnsNoticeDays: commitments.returnsNoticeDays,
    chaseDays: `换货 ${commitments.chaseDays.exchange}，维修 ${commitments.chaseDays.repair}，加急 ${commitments.chaseDays.urgent}`,
  };
}

function flattened({ commitments, ...row }: ExportRow): ExportRow {
  return { ...row, ...describeCommitments(commitments as PolicyCommitments) };
}

/**
 * The service commitments (服务承诺) of the period: every version in force at some time in it, that
 * is, taking effect before the period ended and not replaced by a later one before it began.
 */
export function policyEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  return [
    queryEvidenceSource(dataSource, timeZone, {
      code: 'service-policy',
      columns: [
        { key: 'versionNumber', zh: '版本', en: 'Version', kind: 'integer', width: 6 },
        { key: 'effectiveFrom', zh: '生效时间', en: 'In force from', kind: 'datetime', width: 17 },
        { key: 'effectiveUntil', zh: '失效时间', en: 'In force until', kind: 'datetime', width: 17 },
        { key: 'note', zh: '说明', en: 'Note', kind: 'text', width: 24 },
        { key: 'responseHours', zh: '响应时限（小时）', en: 'Response (hours)', kind: 'text', width: 24 },
        { key: 'onSiteHours', zh: '到场时限（小时）', en: 'On site (hours)', kind: 'text', width: 40 },
        { key: 'resolveHours', zh: '修复时限（小时）', en: 'Resolve (hours)', kind: 'text', width: 24 },
        { key: 'followUpDays', zh: '回访（天）', en: 'Follow-up (days)', kind: 'integer', width: 8 },
        {
          key: 'complaintAcknowledgeHours',
          zh: '投诉受理（小时）',
          en: 'Complaint ack. (hours)',
          kind: 'integer',
          width: 10,
        },
        {
          key: 'complaintResolveDays',
          zh: '投诉处理（天）',
          en: 'Complaint resolve (days)',
          kind: 'integer',
          width: 10,
        },
        {
          key: 'returnsNoticeDays',
          zh: '返修告知（天）',
          en: 'Returns notice (days)',
          kind: 'integer',
          width: 10,
        },
        { key: 'chaseDays', zh: '催办间隔（天）', en: 'Vendor chase (days)', kind: 'text', width: 22 },
      ],
      records: () =>
        dataSource
          .getRepository(ServicePolicyEntity)
          .createQueryBuilder('p')
          .where(`p.effectiveFrom < ${PERIOD_END}`)
          .andWhere(
            `NOT EXISTS (SELECT 1 FROM service_policies np
              WHERE np.effective_from > p.effective_from AND np.effective_from <= ${PERIOD_START})`,
          ),
      select: {
        id: 'p.id',
        versionNumber: 'p.versionNumber',
        effectiveFrom: 'p.effectiveFrom',
        effectiveUntil: `(SELECT min(np.effective_from) FROM service_policies np
          WHERE np.effective_from > p.effective_from)`,
        note: 'p.note',
        commitments: 'p.commitments',
      },
      orderBy: ['p.effectiveFrom'],
      map: flattened,
    }),
  ];
}
