import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { PERIOD_END, PERIOD_START, localMinuteSql, queryEvidenceSource } from '../evidence/evidence-query';
import { PRIORITY_LABELS } from '../policy/domain/policy-commitments';
import { CHARGE_BASIS_LABELS } from './domain/charges';
import {
  CAUSE_LABELS,
  CHANNEL_LABELS,
  DEADLINE_LABELS,
  TICKET_STATUS_LABELS,
  TICKET_WARRANTY_LABELS,
} from './domain/ticket-fields';
import { TicketEntity } from './ticket.entity';

/** When a ticket's time falls in the period (company time zone). */
const WITHIN_PERIOD = (column: string) => `${column} >= ${PERIOD_START} AND ${column} < ${PERIOD_END}`;

/**
 * Repair tickets as audit evidence: the requests (报修, intake view) and the repair records (维修记录单).
 * Of the customer only the code and name are shown.
 */
export function ticketEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  const tickets = () =>
    dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .innerJoin('t.customer', 'c')
      .innerJoin('t.product', 'p');
  return [
    // Tickets reported in the period, whatever became of them.
    queryEvidenceSource(dataSource, timeZone, {
      code: 'repair-requests',
      columns: [
        { key: 'number', zh: '工单号', en: 'Ticket', kind: 'text', width: 15 },
        { key: 'reportedAt', zh: '报修时间', en: 'Reported at', kind: 'datetime', width: 17 },
        { key: 'channel', zh: '报修渠道', en: 'Channel', kind: 'text', width: 8, values: CHANNEL_LABELS },
        { key: 'customerCode', zh: '客户编号', en: 'Customer code', kind: 'text', width: 10 },
        { key: 'customerName', zh: '客户', en: 'Customer', kind: 'text', width: 20 },
        { key: 'productName', zh: '产品', en: 'Product', kind: 'text', width: 20 },
        { key: 'serialNumber', zh: '出厂编号', en: 'Serial no.', kind: 'text', width: 16 },
        { key: 'fault', zh: '故障描述', en: 'Fault', kind: 'text', width: 30 },
        { key: 'priority', zh: '优先级', en: 'Priority', kind: 'text', width: 8, values: PRIORITY_LABELS },
        {
          key: 'warrantyStatus',
          zh: '保修状态',
          en: 'Warranty',
          kind: 'text',
          width: 14,
          values: TICKET_WARRANTY_LABELS,
        },
        { key: 'responseDueAt', zh: '响应时限', en: 'Response due', kind: 'datetime', width: 17 },
        { key: 'onSiteDueAt', zh: '到场时限', en: 'On site due', kind: 'datetime', width: 17 },
        { key: 'resolveDueAt', zh: '修复时限', en: 'Resolve due', kind: 'datetime', width: 17 },
        {
          key: 'status',
          zh: '当前状态',
          en: 'Status',
          kind: 'text',
          width: 10,
          values: TICKET_STATUS_LABELS,
        },
      ],
      records: () => tickets().where(WITHIN_PERIOD('t.reportedAt')),
      select: {
        id: 't.id',
        number: 't.number',
        reportedAt: 't.reportedAt',
        channel: 't.channel',
        customerCode: 'c.code',
        customerName: 'c.name',
        productName: 'p.name',
        serialNumber: 't.serialNumber',
        fault: 't.fault',
        priority: 't.priority',
        warrantyStatus: 't.warrantyStatus',
        responseDueAt: 't.responseDueAt',
        onSiteDueAt: 't.onSiteDueAt',
        resolveDueAt: 't.resolveDueAt',
        status: 't.status',
      },
      orderBy: ['t.reportedAt', 't.number'],
    }),
    // Tickets resolved in the period (a reopened ticket counts when it is resolved again), with the
    // work, the parts, what the customer was charged and why, the confirmation and missed deadlines.
    queryEvidenceSource(dataSource, timeZone, {
      code: 'repair-records',
      columns: [
        { key: 'number', zh: '工单号', en: 'Ticket', kind: 'text', width: 15 },
        { key: 'customerCode', zh: '客户编号', en: 'Customer code', kind: 'text', width: 10 },
        { key: 'customerName', zh: '客户', en: 'Customer', kind: 'text', width: 20 },
        { key: 'productName', zh: '产品', en: 'Product', kind: 'text', width: 20 },
        { key: 'serialNumber', zh: '出厂编号', en: 'Serial no.', kind: 'text', width: 16 },
        { key: 'technicianName', zh: '维修人员', en: 'Technician', kind: 'text', width: 10 },
        { key: 'outletName', zh: '服务网点', en: 'Outlet', kind: 'text', width: 20 },
        { key: 'cause', zh: '故障原因', en: 'Cause', kind: 'text', width: 12, values: CAUSE_LABELS },
        { key: 'diagnosis', zh: '诊断结论', en: 'Diagnosis', kind: 'text', width: 30 },
        { key: 'workLogs', zh: '维修过程', en: 'Work done', kind: 'list', width: 44 },
        { key: 'parts', zh: '更换配件', en: 'Parts', kind: 'list', width: 28 },
        {
          key: 'chargeBasis',
          zh: '收费依据',
          en: 'Charge basis',
          kind: 'text',
          width: 16,
          values: CHARGE_BASIS_LABELS,
        },
        { key: 'chargeTotal', zh: '收费金额（元）', en: 'Charged (CNY)', kind: 'money', width: 12 },
        { key: 'confirmedByName', zh: '客户确认人', en: 'Confirmed by', kind: 'text', width: 10 },
        { key: 'confirmedAt', zh: '确认时间', en: 'Confirmed at', kind: 'datetime', width: 17 },
        { key: 'resolvedAt', zh: '完成时间', en: 'Resolved at', kind: 'datetime', width: 17 },
        {
          key: 'breaches',
          zh: '超时记录',
          en: 'Missed deadlines',
          kind: 'list',
          width: 26,
          values: DEADLINE_LABELS,
        },
      ],
      records: () =>
        tickets()
          .leftJoin('t.technician', 'u')
          .leftJoin('t.outlet', 'o')
          .where(WITHIN_PERIOD('t.resolvedAt')),
      select: {
        id: 't.id',
        number: 't.number',
        customerCode: 'c.code',
        customerName: 'c.name',
        productName: 'p.name',
        serialNumber: 't.serialNumber',
        technicianName: 'u.displayName',
        outletName: 'o.name',
        cause: 't.cause',
        diagnosis: 't.diagnosis',
        workLogs: `ARRAY(SELECT concat(${localMinuteSql('wl.started_at')}, '–',
            CASE WHEN (wl.started_at AT TIME ZONE :periodZone)::date = (wl.ended_at AT TIME ZONE :periodZone)::date
              THEN to_char(wl.ended_at AT TIME ZONE :periodZone, 'HH24:MI')
              ELSE ${localMinuteSql('wl.ended_at')} END,
            ' ', wu.display_name, '：', wl.description)
          FROM ticket_work_logs wl JOIN users wu ON wu.id = wl.technician_id
          WHERE wl.ticket_id = t.id ORDER BY wl.started_at)`,
        parts: `ARRAY(SELECT concat(line ->> 'code', ' ', line ->> 'name', ' ×', line ->> 'quantity')
          FROM jsonb_array_elements(coalesce(t.charges -> 'lines', '[]')) AS line)`,
        chargeBasis: `t.charges ->> 'basis'`,
        chargeTotal: 't.chargeTotal',
        confirmedByName: 't.confirmedByName',
        confirmedAt: 't.confirmedAt',
        resolvedAt: 't.resolvedAt',
        // Each missed deadline as its parts (which deadline, when it was due), so the kind reads as words.
        breaches: `ARRAY(SELECT ARRAY[tb.deadline, ${localMinuteSql('tb.due_at')}]
          FROM ticket_breaches tb WHERE tb.ticket_id = t.id ORDER BY tb.due_at)`,
      },
      orderBy: ['t.resolvedAt', 't.number'],
    }),
  ];
}
