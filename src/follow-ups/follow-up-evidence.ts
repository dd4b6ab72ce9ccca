import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { PERIOD_END, PERIOD_START, localMinuteSql, queryEvidenceSource } from '../evidence/evidence-query';
import {
  CONTACT_METHOD_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  PROBLEM_ACTION_LABELS,
} from './domain/follow-up-fields';
import { FollowUpEntity } from './follow-up.entity';

const WITHIN_PERIOD = (column: string) => `${column} >= ${PERIOD_START} AND ${column} < ${PERIOD_END}`;

/** Failed attempts as `YYYY-MM-DD HH:mm 电话 无人接听`, the method as its words. */
const ATTEMPTS = `ARRAY(SELECT ARRAY[${localMinuteSql('a.attempted_at')}, a.method, a.note]
  FROM follow_up_attempts a WHERE a.follow_up_id = f.id ORDER BY a.attempted_at, a.created_at)`;

/**
 * Follow-up visits and inspections as audit evidence (维修后的回访记录, 客户巡检记录). Of the customer
 * only the code and name are shown.
 */
export function followUpEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  const visits = () =>
    dataSource
      .getRepository(FollowUpEntity)
      .createQueryBuilder('f')
      .innerJoin('f.customer', 'c')
      .leftJoin('f.assignee', 'u')
      .leftJoin('f.completer', 'cu');
  return [
    // The follow-up of every repair resolved in the period, whatever became of it: an auditor sees
    // the repairs followed up and those not (still pending, unreachable).
    queryEvidenceSource(dataSource, timeZone, {
      code: 'follow-ups',
      columns: [
        { key: 'number', zh: '回访编号', en: 'Follow-up', kind: 'text', width: 15 },
        { key: 'ticketNumber', zh: '工单号', en: 'Ticket', kind: 'text', width: 15 },
        { key: 'customerCode', zh: '客户编号', en: 'Customer code', kind: 'text', width: 10 },
        { key: 'customerName', zh: '客户', en: 'Customer', kind: 'text', width: 20 },
        { key: 'productName', zh: '产品', en: 'Product', kind: 'text', width: 18 },
        { key: 'resolvedAt', zh: '维修完成时间', en: 'Resolved at', kind: 'datetime', width: 17 },
        { key: 'dueAt', zh: '应回访时间', en: 'Due', kind: 'datetime', width: 17 },
        {
          key: 'status',
          zh: '回访状态',
          en: 'Status',
          kind: 'text',
          width: 10,
          values: FOLLOW_UP_STATUS_LABELS,
        },
        {
          key: 'method',
          zh: '回访方式',
          en: 'Method',
          kind: 'text',
          width: 8,
          values: CONTACT_METHOD_LABELS,
        },
        { key: 'contactedAt', zh: '回访时间', en: 'Contacted at', kind: 'datetime', width: 17 },
        { key: 'onTime', zh: '按时回访', en: 'On time', kind: 'boolean', width: 8 },
        { key: 'satisfied', zh: '是否满意', en: 'Satisfied', kind: 'boolean', width: 8 },
        { key: 'score', zh: '评分', en: 'Score', kind: 'integer', width: 6 },
        { key: 'comments', zh: '客户意见', en: 'Comments', kind: 'text', width: 30 },
        {
          key: 'action',
          zh: '处理措施',
          en: 'Action',
          kind: 'text',
          width: 14,
          values: PROBLEM_ACTION_LABELS,
        },
        { key: 'complaintNumber', zh: '关联投诉', en: 'Complaint', kind: 'text', width: 15 },
        {
          key: 'attempts',
          zh: '未接通记录',
          en: 'Failed attempts',
          kind: 'list',
          width: 30,
          values: CONTACT_METHOD_LABELS,
        },
        { key: 'completedBy', zh: '回访人', en: 'By', kind: 'text', width: 10 },
      ],
      records: () =>
        visits()
          .innerJoin('f.ticket', 't')
          .innerJoin('t.product', 'p')
          .where(`f.kind = 'follow_up'`)
          .andWhere(WITHIN_PERIOD('f.ticketResolvedAt')),
      select: {
        id: 'f.id',
        number: 'f.number',
        ticketNumber: 't.number',
        customerCode: 'c.code',
        customerName: 'c.name',
        productName: 'p.name',
        resolvedAt: 'f.ticketResolvedAt',
        dueAt: 'f.dueAt',
        status: 'f.status',
        method: 'f.method',
        contactedAt: 'f.contactedAt',
        onTime: `CASE WHEN f.contactedAt IS NULL THEN NULL ELSE f.contactedAt <= f.dueAt END`,
        satisfied: 'f.satisfied',
        score: 'f.score',
        comments: 'f.comments',
        action: 'f.problemAction',
        complaintNumber: 'f.complaintNumber',
        attempts: ATTEMPTS,
        completedBy: 'cu.displayName',
      },
      orderBy: ['f.ticketResolvedAt', 'f.number'],
    }),
    // Inspections due in the period: the plan and what came of it.
    queryEvidenceSource(dataSource, timeZone, {
      code: 'inspections',
      columns: [
        { key: 'number', zh: '巡检编号', en: 'Inspection', kind: 'text', width: 15 },
        { key: 'customerCode', zh: '客户编号', en: 'Customer code', kind: 'text', width: 10 },
        { key: 'customerName', zh: '客户', en: 'Customer', kind: 'text', width: 20 },
        { key: 'serialNumber', zh: '设备编号', en: 'Serial no.', kind: 'text', width: 16 },
        { key: 'productName', zh: '产品', en: 'Product', kind: 'text', width: 18 },
        { key: 'dueAt', zh: '计划巡检时间', en: 'Due', kind: 'datetime', width: 17 },
        { key: 'everyMonths', zh: '周期（月）', en: 'Every (months)', kind: 'integer', width: 8 },
        {
          key: 'status',
          zh: '状态',
          en: 'Status',
          kind: 'text',
          width: 10,
          values: FOLLOW_UP_STATUS_LABELS,
        },
        { key: 'assignee', zh: '巡检人员', en: 'Assigned to', kind: 'text', width: 10 },
        { key: 'contactedAt', zh: '实际巡检时间', en: 'Visited at', kind: 'datetime', width: 17 },
        { key: 'findings', zh: '巡检发现', en: 'Findings', kind: 'text', width: 34 },
        { key: 'openedTicket', zh: '开立工单', en: 'Ticket opened', kind: 'text', width: 15 },
        { key: 'satisfied', zh: '客户满意', en: 'Satisfied', kind: 'boolean', width: 8 },
      ],
      records: () =>
        visits()
          .leftJoin('f.asset', 'a')
          .leftJoin('a.product', 'p')
          .leftJoin('f.openedTicket', 'ot')
          .where(`f.kind = 'inspection'`)
          .andWhere(WITHIN_PERIOD('f.dueAt')),
      select: {
        id: 'f.id',
        number: 'f.number',
        customerCode: 'c.code',
        customerName: 'c.name',
        serialNumber: 'a.serialNumber',
        productName: 'p.name',
        dueAt: 'f.dueAt',
        everyMonths: 'f.everyMonths',
        status: 'f.status',
        assignee: 'u.displayName',
        contactedAt: 'f.contactedAt',
        findings: 'f.findings',
        openedTicket: 'ot.number',
        satisfied: 'f.satisfied',
      },
      orderBy: ['f.dueAt', 'f.number'],
    }),
  ];
}
