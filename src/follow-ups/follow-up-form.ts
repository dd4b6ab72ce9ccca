import { type RecordFormContext, formInstants, startRecordForm } from '../evidence/pdf/form-layout';
import {
  CONTACT_METHOD_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  PROBLEM_ACTION_LABELS,
  SATISFIED_LABELS,
} from './domain/follow-up-fields';
import type { FollowUpDetailResponse } from './dto/follow-up-response.dto';

/** What the form shows of the visit beyond its own response: the ticket and product it concerns. */
export interface VisitFormExtras {
  contact: string;
  productName: string | null;
  serialNumber: string | null;
  ticketOutcome: string | null;
  nextNumber: string | null;
}

const LABELS = {
  zh: {
    followUpTitle: '回访记录',
    inspectionTitle: '巡检记录',
    subjectSection: '一、回访对象',
    inspectionSubjectSection: '一、巡检对象',
    attemptsSection: '二、联系记录',
    resultSection: '三、回访结果',
    inspectionResultSection: '三、巡检结果',
    number: '编号',
    status: '状态',
    customer: '客户',
    contact: '联系人',
    product: '产品',
    serial: '设备编号',
    ticket: '维修工单',
    resolvedAt: '维修完成时间',
    outcome: '维修结果',
    dueAt: '应回访时间',
    inspectionDueAt: '计划巡检时间',
    every: '巡检周期',
    everyMonths: (months: number) => `每 ${months} 个月`,
    oneOff: '单次',
    outlet: '服务网点',
    assignee: '负责人',
    note: '说明',
    time: '时间',
    method: '方式',
    detail: '情况',
    by: '登记人',
    noAttempts: '无未接通记录',
    contactedAt: '回访时间',
    visitedAt: '巡检时间',
    satisfied: '是否满意',
    score: '满意度评分',
    comments: '客户意见',
    findings: '巡检发现',
    action: '处理措施',
    complaint: '关联投诉',
    reopened: '工单已重新打开',
    openedTicket: '开立维修工单',
    next: '下次巡检',
    completedBy: '回访人',
    completedAt: '登记时间',
    cancelled: '取消原因',
    pending: '尚未完成',
  },
  en: {
    followUpTitle: 'Follow-up record',
    inspectionTitle: 'Inspection record',
    subjectSection: '1. Subject',
    inspectionSubjectSection: '1. Subject',
    attemptsSection: '2. Contact attempts',
    resultSection: '3. Result',
    inspectionResultSection: '3. Result',
    number: 'Number',
    status: 'Status',
    customer: 'Customer',
    contact: 'Contact',
    product: 'Product',
    serial: 'Serial no.',
    ticket: 'Ticket',
    resolvedAt: 'Resolved',
    outcome: 'Repair outcome',
    dueAt: 'Due',
    inspectionDueAt: 'Due',
    every: 'Recurrence',
    everyMonths: (months: number) => `every ${months} months`,
    oneOff: 'one-off',
    outlet: 'Outlet',
    assignee: 'Assigned to',
    note: 'Note',
    time: 'Time',
    method: 'Method',
    detail: 'What happened',
    by: 'By',
    noAttempts: 'no failed attempts',
    contactedAt: 'Contacted',
    visitedAt: 'Visited',
    satisfied: 'Satisfied',
    score: 'Score',
    comments: 'Comments',
    findings: 'Findings',
    action: 'Action',
    complaint: 'Complaint',
    reopened: 'ticket reopened',
    openedTicket: 'Ticket opened',
    next: 'Next inspection',
    completedBy: 'Recorded by',
    completedAt: 'Recorded at',
    cancelled: 'Cancelled because',
    pending: 'not done yet',
  },
} as const;

/**
 * The 回访记录 (or 巡检记录) of one visit as the paper form an auditor asks for: whom and what it
 * concerned, every failed attempt to reach the customer, and the result with what it led to.
 */
export function renderVisitForm(
  visit: FollowUpDetailResponse,
  extras: VisitFormExtras,
  context: RecordFormContext,
): PDFKit.PDFDocument {
  const l = LABELS[context.language];
  const inspection = visit.kind === 'inspection';
  const at = formInstants(context.timeZone);
  const form = startRecordForm(context, inspection ? l.inspectionTitle : l.followUpTitle, visit.number);

  form.section(inspection ? l.inspectionSubjectSection : l.subjectSection);
  const subject: [string, string][] = [
    [l.number, visit.number],
    [l.status, FOLLOW_UP_STATUS_LABELS[visit.status][context.language]],
    [l.customer, visit.customer.name],
    [l.contact, extras.contact],
    [l.product, extras.productName ?? ''],
    [l.serial, extras.serialNumber ?? ''],
  ];
  if (inspection) {
    subject.push(
      [l.inspectionDueAt, at(visit.dueAt)],
      [l.every, visit.everyMonths ? l.everyMonths(visit.everyMonths) : l.oneOff],
    );
  } else {
    subject.push(
      [l.ticket, visit.ticket?.number ?? ''],
      [l.resolvedAt, at(visit.ticketResolvedAt)],
      [l.dueAt, at(visit.dueAt)],
      [l.outcome, extras.ticketOutcome ?? ''],
    );
  }
  subject.push([l.outlet, visit.outlet?.name ?? ''], [l.assignee, visit.assignee?.name ?? '']);
  if (visit.note) subject.push([l.note, visit.note]);
  form.fields(subject);

  form.section(l.attemptsSection);
  if (visit.attempts.length === 0) form.text(l.noAttempts);
  else {
    form.table(
      [
        { header: l.time, weight: 3 },
        { header: l.method, weight: 2 },
        { header: l.detail, weight: 6 },
        { header: l.by, weight: 2 },
      ],
      visit.attempts.map((attempt) => [
        at(attempt.attemptedAt),
        CONTACT_METHOD_LABELS[attempt.method][context.language],
        attempt.note ?? '',
        attempt.recordedBy.name,
      ]),
    );
  }

  form.section(inspection ? l.inspectionResultSection : l.resultSection);
  if (visit.status === 'pending') form.text(l.pending);
  else if (visit.status === 'cancelled') form.fields([[l.cancelled, visit.cancelReason ?? '']]);
  else {
    const result: [string, string][] = [
      [l.method, visit.method ? CONTACT_METHOD_LABELS[visit.method][context.language] : ''],
      [inspection ? l.visitedAt : l.contactedAt, at(visit.contactedAt)],
    ];
    if (visit.satisfied !== null) {
      result.push([l.satisfied, SATISFIED_LABELS[visit.satisfied ? 'true' : 'false'][context.language]]);
    }
    if (visit.score !== null) result.push([l.score, `${visit.score} / 5`]);
    if (inspection) result.push([l.findings, visit.findings ?? '']);
    result.push([l.comments, visit.comments ?? '']);
    if (visit.action) result.push([l.action, PROBLEM_ACTION_LABELS[visit.action][context.language]]);
    if (visit.action === 'reopen_ticket')
      result.push([l.ticket, `${visit.ticket?.number ?? ''} ${l.reopened}`]);
    if (visit.complaint) result.push([l.complaint, visit.complaint.number]);
    if (visit.openedTicket) result.push([l.openedTicket, visit.openedTicket.number]);
    if (extras.nextNumber) result.push([l.next, extras.nextNumber]);
    result.push([l.completedBy, visit.completedBy?.name ?? ''], [l.completedAt, at(visit.completedAt)]);
    form.fields(result);
  }
  form.finish();
  return form.doc;
}
