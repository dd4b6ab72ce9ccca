import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { PERIOD_END, PERIOD_START, localMinuteSql, queryEvidenceSource } from '../evidence/evidence-query';
import { ComplaintEntity } from './complaint.entity';
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STEP_LABELS,
  ESCALATION_TRIGGER_LABELS,
} from './domain/complaint-fields';

/** Whether a step was done by its deadline; null while it is not done. */
const onTimeSql = (done: string, due: string) =>
  `CASE WHEN ${done} IS NULL THEN NULL ELSE ${done} <= ${due} END`;

/**
 * Complaints as audit evidence (客户投诉记录): those received in the period, with their deadlines and
 * whether each was met, the escalations, the conclusions (root cause, remedy, corrective action) and
 * whether the customer accepted. Of the customer only the code and name are shown.
 */
export function complaintEvidenceSource(dataSource: DataSource, timeZone: string): EvidenceSource {
  return queryEvidenceSource(dataSource, timeZone, {
    code: 'complaints',
    columns: [
      { key: 'number', zh: '投诉编号', en: 'Complaint', kind: 'text', width: 15 },
      { key: 'receivedAt', zh: '受理时间', en: 'Received at', kind: 'datetime', width: 17 },
      { key: 'channel', zh: '渠道', en: 'Channel', kind: 'text', width: 8, values: COMPLAINT_CHANNEL_LABELS },
      {
        key: 'category',
        zh: '类别',
        en: 'Category',
        kind: 'text',
        width: 10,
        values: COMPLAINT_CATEGORY_LABELS,
      },
      {
        key: 'severity',
        zh: '严重程度',
        en: 'Severity',
        kind: 'text',
        width: 8,
        values: COMPLAINT_SEVERITY_LABELS,
      },
      { key: 'customerCode', zh: '客户编号', en: 'Customer code', kind: 'text', width: 10 },
      { key: 'customerName', zh: '客户', en: 'Customer', kind: 'text', width: 20 },
      { key: 'ticketNumber', zh: '关联工单', en: 'Ticket', kind: 'text', width: 15 },
      { key: 'outletName', zh: '服务网点', en: 'Outlet', kind: 'text', width: 20 },
      { key: 'technicianName', zh: '维修人员', en: 'Technician', kind: 'text', width: 10 },
      { key: 'description', zh: '投诉内容', en: 'Complaint', kind: 'text', width: 36 },
      { key: 'acknowledgeDueAt', zh: '确认时限', en: 'Acknowledge by', kind: 'datetime', width: 17 },
      { key: 'acknowledgedAt', zh: '确认时间', en: 'Acknowledged at', kind: 'datetime', width: 17 },
      { key: 'acknowledgedOnTime', zh: '按时确认', en: 'Ack. on time', kind: 'boolean', width: 8 },
      { key: 'resolveDueAt', zh: '处理时限', en: 'Resolve by', kind: 'datetime', width: 17 },
      { key: 'resolvedAt', zh: '处理完成时间', en: 'Resolved at', kind: 'datetime', width: 17 },
      { key: 'resolvedOnTime', zh: '按时处理', en: 'Resolved on time', kind: 'boolean', width: 8 },
      {
        key: 'escalations',
        zh: '升级记录',
        en: 'Escalations',
        kind: 'list',
        width: 28,
        values: { ...COMPLAINT_STEP_LABELS, ...ESCALATION_TRIGGER_LABELS },
      },
      { key: 'rootCause', zh: '根本原因', en: 'Root cause', kind: 'text', width: 30 },
      { key: 'remedy', zh: '补救措施', en: 'Remedy', kind: 'text', width: 30 },
      { key: 'correctiveAction', zh: '纠正与改进措施', en: 'Corrective action', kind: 'text', width: 30 },
      { key: 'closedAt', zh: '关闭时间', en: 'Closed at', kind: 'datetime', width: 17 },
      {
        key: 'customerAccepted',
        zh: '客户接受处理结果',
        en: 'Customer accepted',
        kind: 'boolean',
        width: 10,
      },
      {
        key: 'status',
        zh: '当前状态',
        en: 'Status',
        kind: 'text',
        width: 10,
        values: COMPLAINT_STATUS_LABELS,
      },
    ],
    records: () =>
      dataSource
        .getRepository(ComplaintEntity)
        .createQueryBuilder('c')
        .innerJoin('c.customer', 'cu')
        .leftJoin('c.ticket', 't')
        .leftJoin('c.outlet', 'o')
        .leftJoin('c.technician', 'u')
        .where(`c.receivedAt >= ${PERIOD_START} AND c.receivedAt < ${PERIOD_END}`),
    select: {
      id: 'c.id',
      number: 'c.number',
      receivedAt: 'c.receivedAt',
      channel: 'c.channel',
      category: 'c.category',
      severity: 'c.severity',
      customerCode: 'cu.code',
      customerName: 'cu.name',
      ticketNumber: 't.number',
      outletName: 'o.name',
      technicianName: 'u.displayName',
      description: 'c.description',
      acknowledgeDueAt: 'c.acknowledgeDueAt',
      acknowledgedAt: 'c.acknowledgedAt',
      acknowledgedOnTime: onTimeSql('c.acknowledged_at', 'c.acknowledge_due_at'),
      resolveDueAt: 'c.resolveDueAt',
      resolvedAt: 'c.resolvedAt',
      resolvedOnTime: onTimeSql('c.resolved_at', 'c.resolve_due_at'),
      // Each escalation as its parts (which step, how, when), so that the codes read as words.
      escalations: `ARRAY(SELECT ARRAY[ce.step, ce.trigger, ${localMinuteSql('ce.escalated_at')}]
        FROM complaint_escalations ce WHERE ce.complaint_id = c.id ORDER BY ce.escalated_at)`,
      rootCause: 'c.rootCause',
      remedy: 'c.remedy',
      correctiveAction: 'c.correctiveAction',
      closedAt: 'c.closedAt',
      customerAccepted: 'c.customerAccepted',
      status: 'c.status',
    },
    orderBy: ['c.receivedAt', 'c.number'],
  });
}
