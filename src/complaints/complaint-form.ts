import {
  type RecordFormContext,
  formInstants,
  historyTable,
  startRecordForm,
} from '../evidence/pdf/form-layout';
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STEP_LABELS,
  ESCALATION_TRIGGER_LABELS,
  type ComplaintStep,
} from './domain/complaint-fields';
import type { ComplaintDetailResponse } from './dto/complaint-response.dto';

const LABELS = {
  zh: {
    title: '投诉记录',
    complaintSection: '一、投诉信息',
    deadlineSection: '二、处理时限与升级',
    handlingSection: '三、调查与处理',
    closingSection: '四、结案与客户意见',
    timelineSection: '五、处理过程',
    number: '投诉编号',
    status: '状态',
    customer: '客户',
    contact: '投诉人',
    channel: '投诉渠道',
    category: '投诉类别',
    severity: '严重程度',
    receivedAt: '受理时间',
    ticket: '关联工单',
    outlet: '服务网点',
    technician: '维修人员',
    description: '投诉内容',
    step: '环节',
    due: '时限',
    actual: '完成时间',
    met: '按时',
    missed: '超时',
    pending: '未完成',
    escalations: '升级记录',
    trigger: '方式',
    escalatedAt: '升级时间',
    escalatedBy: '升级人',
    reason: '原因',
    notified: '通知经理',
    acknowledgment: '确认说明',
    investigation: '调查说明',
    rootCause: '根本原因',
    remedy: '补救措施',
    correctiveAction: '纠正与改进措施',
    closedAt: '关闭时间',
    accepted: '客户是否接受',
    yes: '接受',
    no: '不接受',
    closingNote: '客户意见',
    none: '无',
    system: '系统',
  },
  en: {
    title: 'Complaint record',
    complaintSection: '1. Complaint',
    deadlineSection: '2. Deadlines and escalations',
    handlingSection: '3. Investigation and resolution',
    closingSection: "4. Closing and the customer's view",
    timelineSection: '5. History',
    number: 'Complaint',
    status: 'Status',
    customer: 'Customer',
    contact: 'Complainant',
    channel: 'Channel',
    category: 'Category',
    severity: 'Severity',
    receivedAt: 'Received',
    ticket: 'Ticket',
    outlet: 'Outlet',
    technician: 'Technician',
    description: 'Complaint',
    step: 'Step',
    due: 'Due',
    actual: 'Done',
    met: 'met',
    missed: 'missed',
    pending: 'open',
    escalations: 'Escalations',
    trigger: 'How',
    escalatedAt: 'Escalated',
    escalatedBy: 'By',
    reason: 'Reason',
    notified: 'Managers told',
    acknowledgment: 'Acknowledgment',
    investigation: 'Investigation',
    rootCause: 'Root cause',
    remedy: 'Remedy',
    correctiveAction: 'Corrective action',
    closedAt: 'Closed',
    accepted: 'Customer accepted',
    yes: 'yes',
    no: 'no',
    closingNote: "Customer's view",
    none: 'none',
    system: 'system',
  },
} as const;

/**
 * The 投诉记录 of one complaint, laid out like the paper form an auditor asks for: the complaint and
 * what it is about, each deadline and whether it was met, the escalations, the investigation's
 * conclusions, whether the customer accepted, and the whole history. Returns the PDF stream.
 */
export function renderComplaintForm(
  complaint: ComplaintDetailResponse,
  context: RecordFormContext,
): PDFKit.PDFDocument {
  const language = context.language;
  const l = LABELS[language];
  const at = formInstants(context.timeZone);
  const form = startRecordForm(context, l.title, complaint.number);

  form.section(l.complaintSection);
  form.fields([
    [l.number, complaint.number],
    [l.status, COMPLAINT_STATUS_LABELS[complaint.status][language]],
    [l.customer, complaint.customer.name],
    [l.contact, [complaint.contactName, complaint.contactPhone].filter(Boolean).join(' ')],
    [l.channel, COMPLAINT_CHANNEL_LABELS[complaint.channel][language]],
    [l.category, COMPLAINT_CATEGORY_LABELS[complaint.category][language]],
    [l.severity, COMPLAINT_SEVERITY_LABELS[complaint.severity][language]],
    [l.receivedAt, at(complaint.receivedAt)],
    [l.ticket, complaint.ticket?.number ?? ''],
    [l.outlet, complaint.outlet?.name ?? ''],
    [l.technician, complaint.technician?.name ?? ''],
    [l.description, complaint.description],
  ]);

  form.section(l.deadlineSection);
  const verdict = (onTime: boolean | null, step: ComplaintStep) => {
    if (onTime !== null) return onTime ? l.met : l.missed;
    return complaint.escalations.some(
      (escalation) => escalation.step === step && escalation.trigger === 'deadline',
    )
      ? l.missed
      : l.pending;
  };
  form.table(
    [
      { header: l.step, weight: 2 },
      { header: l.due, weight: 3 },
      { header: l.actual, weight: 3 },
      { header: '', weight: 2 },
    ],
    [
      [
        COMPLAINT_STEP_LABELS.acknowledge[language],
        at(complaint.acknowledgeDueAt),
        at(complaint.acknowledgedAt),
        verdict(complaint.acknowledgedOnTime, 'acknowledge'),
      ],
      [
        COMPLAINT_STEP_LABELS.resolve[language],
        at(complaint.resolveDueAt),
        at(complaint.resolvedAt),
        verdict(complaint.resolvedOnTime, 'resolve'),
      ],
    ],
  );
  if (complaint.escalations.length === 0) form.fields([[l.escalations, l.none]]);
  else {
    form.table(
      [
        { header: l.step, weight: 2 },
        { header: l.trigger, weight: 2 },
        { header: l.escalatedAt, weight: 3 },
        { header: l.escalatedBy, weight: 2 },
        { header: l.reason, weight: 4 },
        { header: l.notified, weight: 2 },
      ],
      complaint.escalations.map((escalation) => [
        COMPLAINT_STEP_LABELS[escalation.step][language],
        ESCALATION_TRIGGER_LABELS[escalation.trigger][language],
        at(escalation.escalatedAt),
        escalation.actor?.name ?? l.system,
        escalation.reason ?? '',
        String(escalation.notified),
      ]),
    );
  }

  form.section(l.handlingSection);
  form.fields([
    [l.acknowledgment, complaint.acknowledgmentNote ?? ''],
    [l.investigation, complaint.investigationNote ?? ''],
    [l.rootCause, complaint.rootCause ?? ''],
    [l.remedy, complaint.remedy ?? ''],
    [l.correctiveAction, complaint.correctiveAction ?? ''],
  ]);

  form.section(l.closingSection);
  form.fields([
    [l.closedAt, at(complaint.closedAt)],
    [l.accepted, complaint.customerAccepted === null ? '' : complaint.customerAccepted ? l.yes : l.no],
    [l.closingNote, complaint.closingNote ?? ''],
  ]);

  form.section(l.timelineSection);
  historyTable(form, context, complaint.timeline);
  form.finish();
  return form.doc;
}
