import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { PERIOD_END, PERIOD_START, queryEvidenceSource } from '../evidence/evidence-query';
import {
  OUTLET_KIND_LABELS,
  OUTLET_STATUS_LABELS,
  RECTIFICATION_STATUS_LABELS,
} from './domain/outlet-fields';
import { OutletReviewEntity } from './outlet-review.entity';
import { OutletEntity } from './outlet.entity';
import { RectificationActionEntity } from './rectification-action.entity';

/**
 * The outlet module's audit evidence (GBT27922.md §3): the outlet list, the yearly reviews and their
 * rectification actions. Records set inactive (the registers' stand-in for deleting) are left out.
 */
export function outletEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  return [
    // Outlets registered by the end of the period and not closed before it began: the network the
    // company had in the period, closed ones included so that the auditor sees when they left.
    queryEvidenceSource(dataSource, timeZone, {
      code: 'outlets',
      columns: [
        { key: 'code', zh: '网点编码', en: 'Code', kind: 'text', width: 12 },
        { key: 'name', zh: '网点名称', en: 'Name', kind: 'text', width: 24 },
        { key: 'kind', zh: '类型', en: 'Kind', kind: 'text', width: 10, values: OUTLET_KIND_LABELS },
        {
          key: 'status',
          zh: '期末状态',
          en: 'Status at period end',
          kind: 'text',
          width: 10,
          values: OUTLET_STATUS_LABELS,
        },
        { key: 'region', zh: '所在区域', en: 'Region', kind: 'text', width: 18 },
        { key: 'address', zh: '地址', en: 'Address', kind: 'text', width: 30 },
        { key: 'coverageRegions', zh: '服务区域', en: 'Coverage', kind: 'list', width: 30 },
        { key: 'phone', zh: '电话', en: 'Phone', kind: 'text', width: 14 },
        { key: 'managerName', zh: '负责人', en: 'Manager', kind: 'text', width: 10 },
        { key: 'agreementNumber', zh: '服务协议编号', en: 'Agreement no.', kind: 'text', width: 16 },
        { key: 'agreementValidFrom', zh: '协议生效日', en: 'Agreement from', kind: 'date', width: 11 },
        { key: 'agreementValidUntil', zh: '协议到期日', en: 'Agreement until', kind: 'date', width: 11 },
        { key: 'licenceNumber', zh: '营业执照号', en: 'Licence no.', kind: 'text', width: 20 },
        { key: 'licenceValidUntil', zh: '执照到期日', en: 'Licence until', kind: 'date', width: 11 },
        { key: 'createdAt', zh: '登记时间', en: 'Registered at', kind: 'datetime', width: 17 },
        { key: 'closedAt', zh: '关闭时间', en: 'Closed at', kind: 'datetime', width: 17 },
      ],
      records: () =>
        dataSource
          .getRepository(OutletEntity)
          .createQueryBuilder('o')
          .where('o.active = true')
          .andWhere(`o.createdAt < ${PERIOD_END}`)
          .andWhere(
            `NOT EXISTS (SELECT 1 FROM outlet_status_changes sc WHERE sc.outlet_id = o.id
              AND sc.to_status = 'closed' AND sc.changed_at < ${PERIOD_START})`,
          ),
      select: {
        id: 'o.id',
        code: 'o.code',
        name: 'o.name',
        kind: 'o.kind',
        // The last change before the period ended; without one, the state the first later change
        // started from; with no change at all, the state the outlet was registered in and still has.
        status: `coalesce(
          (SELECT sc.to_status FROM outlet_status_changes sc WHERE sc.outlet_id = o.id
            AND sc.changed_at < ${PERIOD_END} ORDER BY sc.changed_at DESC LIMIT 1),
          (SELECT sc.from_status FROM outlet_status_changes sc WHERE sc.outlet_id = o.id
            ORDER BY sc.changed_at ASC LIMIT 1),
          o.status)`,
        region: 'o.region',
        address: 'o.address',
        coverageRegions: 'o.coverageRegions',
        phone: 'o.phone',
        managerName: 'o.managerName',
        agreementNumber: 'o.agreementNumber',
        agreementValidFrom: 'CAST(o.agreementValidFrom AS text)',
        agreementValidUntil: 'CAST(o.agreementValidUntil AS text)',
        licenceNumber: 'o.licenceNumber',
        licenceValidUntil: 'CAST(o.licenceValidUntil AS text)',
        createdAt: 'o.createdAt',
        closedAt: `(SELECT min(sc.changed_at) FROM outlet_status_changes sc
          WHERE sc.outlet_id = o.id AND sc.to_status = 'closed')`,
      },
      orderBy: ['o.createdAt', 'o.code'],
    }),
    // Reviews of the years the period touches. The action counts are as of now: an auditor asks
    // whether the findings were rectified, not whether they were on the last day of the period.
    queryEvidenceSource(dataSource, timeZone, {
      code: 'outlet-reviews',
      columns: [
        { key: 'outletCode', zh: '网点编码', en: 'Outlet code', kind: 'text', width: 12 },
        { key: 'outletName', zh: '网点名称', en: 'Outlet', kind: 'text', width: 24 },
        { key: 'year', zh: '考核年度', en: 'Year', kind: 'integer', width: 8 },
        { key: 'reviewedOn', zh: '考核日期', en: 'Reviewed on', kind: 'date', width: 11 },
        { key: 'reviewer', zh: '考核人', en: 'Reviewer', kind: 'text', width: 10 },
        { key: 'score', zh: '得分', en: 'Score', kind: 'decimal', width: 8 },
        { key: 'findings', zh: '发现的问题', en: 'Findings', kind: 'text', width: 40 },
        { key: 'conclusion', zh: '结论', en: 'Conclusion', kind: 'text', width: 24 },
        { key: 'actions', zh: '整改措施数', en: 'Actions', kind: 'integer', width: 10 },
        { key: 'openActions', zh: '未关闭整改', en: 'Still open', kind: 'integer', width: 10 },
      ],
      records: () =>
        dataSource
          .getRepository(OutletReviewEntity)
          .createQueryBuilder('r')
          .innerJoin('r.outlet', 'o')
          .where('r.active = true')
          .andWhere(
            'r.year BETWEEN extract(year FROM CAST(:periodFrom AS date)) AND extract(year FROM CAST(:periodTo AS date))',
          ),
      select: {
        id: 'r.id',
        outletCode: 'o.code',
        outletName: 'o.name',
        year: 'r.year',
        reviewedOn: 'CAST(r.reviewedOn AS text)',
        reviewer: 'r.reviewer',
        score: 'r.score',
        findings: 'r.findings',
        conclusion: 'r.conclusion',
        actions: `(SELECT count(*)::int FROM rectification_actions ra WHERE ra.review_id = r.id AND ra.active)`,
        openActions: `(SELECT count(*)::int FROM rectification_actions ra
          WHERE ra.review_id = r.id AND ra.active AND ra.status = 'open')`,
      },
      orderBy: ['r.reviewedOn', 'o.code'],
    }),
    // Rectification actions raised (recorded) in the period, with how and when they were closed.
    // Complaint corrective actions belong here too: the complaints issue adds them to this source.
    queryEvidenceSource(dataSource, timeZone, {
      code: 'corrective-actions',
      columns: [
        { key: 'raisedAt', zh: '提出时间', en: 'Raised at', kind: 'datetime', width: 17 },
        { key: 'outletCode', zh: '网点编码', en: 'Outlet code', kind: 'text', width: 12 },
        { key: 'outletName', zh: '网点名称', en: 'Outlet', kind: 'text', width: 24 },
        { key: 'reviewYear', zh: '考核年度', en: 'Review year', kind: 'integer', width: 8 },
        { key: 'finding', zh: '发现的问题', en: 'Finding', kind: 'text', width: 36 },
        { key: 'action', zh: '整改措施', en: 'Action', kind: 'text', width: 36 },
        { key: 'responsible', zh: '责任人', en: 'Responsible', kind: 'text', width: 10 },
        { key: 'dueOn', zh: '整改期限', en: 'Due on', kind: 'date', width: 11 },
        {
          key: 'status',
          zh: '状态',
          en: 'Status',
          kind: 'text',
          width: 8,
          values: RECTIFICATION_STATUS_LABELS,
        },
        { key: 'closedAt', zh: '关闭时间', en: 'Closed at', kind: 'datetime', width: 17 },
        { key: 'closureNote', zh: '整改结果', en: 'Closure note', kind: 'text', width: 30 },
      ],
      records: () =>
        dataSource
          .getRepository(RectificationActionEntity)
          .createQueryBuilder('a')
          .innerJoin('a.review', 'r')
          .innerJoin('r.outlet', 'o')
          .where('a.active = true')
          .andWhere(`a.createdAt >= ${PERIOD_START} AND a.createdAt < ${PERIOD_END}`),
      select: {
        id: 'a.id',
        raisedAt: 'a.createdAt',
        outletCode: 'o.code',
        outletName: 'o.name',
        reviewYear: 'r.year',
        finding: 'r.findings',
        action: 'a.description',
        responsible: 'a.responsible',
        dueOn: 'CAST(a.dueOn AS text)',
        status: 'a.status',
        closedAt: 'a.closedAt',
        closureNote: 'a.closureNote',
      },
      orderBy: ['a.createdAt', 'a.id'],
    }),
  ];
}
