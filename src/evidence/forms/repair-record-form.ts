import { CHARGE_BASIS_LABELS } from '../../tickets/domain/charges';
import {
  CAUSE_LABELS,
  DEADLINE_LABELS,
  HOLD_REASON_LABELS,
  TICKET_STATUS_LABELS,
  TICKET_WARRANTY_LABELS,
  type DeadlineKind,
} from '../../tickets/domain/ticket-fields';
import { PRIORITY_LABELS } from '../../policy/domain/policy-commitments';
import type { TicketDetailResponse } from '../../tickets/dto/ticket-response.dto';
import { type RecordFormContext, formInstants, historyTable, startRecordForm } from '../pdf/form-layout';

const LABELS = {
  zh: {
    title: '维修记录单',
    customerSection: '一、客户与产品',
    jobSection: '二、派工与服务时限',
    diagnosisSection: '三、故障诊断',
    workSection: '四、维修记录与用料',
    chargeSection: '五、费用',
    confirmSection: '六、客户确认',
    timelineSection: '七、处理过程',
    number: '工单编号',
    status: '状态',
    customer: '客户',
    contact: '联系人',
    address: '服务地址',
    product: '产品',
    serial: '序列号',
    warranty: '保修状态',
    priority: '优先级',
    reportedAt: '报修时间',
    fault: '故障描述',
    outlet: '服务网点',
    technician: '维修人员',
    due: '时限',
    actual: '实际',
    breached: '超时',
    onTime: '按时',
    pending: '未完成',
    paused: '挂起时长',
    cause: '故障原因',
    diagnosis: '诊断结论',
    outcome: '处理结果',
    time: '时间',
    work: '维修内容',
    parts: '用料',
    part: '配件',
    quantity: '数量',
    unitPrice: '单价',
    labour: '工时费',
    amount: '小计',
    basis: '收费依据',
    total: '应收合计',
    confirmedBy: '确认人',
    confirmedAt: '确认时间',
    signature: '客户签名',
    noSignature: '未上传签名',
    none: '无',
    minutes: (m: number) => `${Math.floor(m / 60)} 小时 ${m % 60} 分`,
  },
  en: {
    title: 'Repair record',
    customerSection: '1. Customer and product',
    jobSection: '2. Assignment and service deadlines',
    diagnosisSection: '3. Diagnosis',
    workSection: '4. Work and parts',
    chargeSection: '5. Charges',
    confirmSection: '6. Customer confirmation',
    timelineSection: '7. History',
    number: 'Ticket',
    status: 'Status',
    customer: 'Customer',
    contact: 'Contact',
    address: 'Address',
    product: 'Product',
    serial: 'Serial no.',
    warranty: 'Warranty',
    priority: 'Priority',
    reportedAt: 'Reported',
    fault: 'Fault',
    outlet: 'Outlet',
    technician: 'Technician',
    due: 'Due',
    actual: 'Done',
    breached: 'missed',
    onTime: 'met',
    pending: 'open',
    paused: 'On hold',
    cause: 'Cause',
    diagnosis: 'Diagnosis',
    outcome: 'Outcome',
    time: 'Time',
    work: 'Work done',
    parts: 'Parts',
    part: 'Part',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    labour: 'Labour',
    amount: 'Amount',
    basis: 'Basis',
    total: 'Total due',
    confirmedBy: 'Confirmed by',
    confirmedAt: 'Confirmed at',
    signature: 'Signature',
    noSignature: 'no signature uploaded',
    none: 'none',
    minutes: (m: number) => `${Math.floor(m / 60)} h ${m % 60} min`,
  },
} as const;

const money = (value: number): string => `¥${value.toFixed(2)}`;

/**
 * The 维修记录单 of one ticket, laid out like the paper form an auditor asks for: customer and
 * product, assignment and deadlines, diagnosis, work and parts, charges, the customer's confirmation
 * (with the signature image when one was uploaded) and the whole history. Returns the PDF stream.
 */
export function renderRepairRecordForm(
  ticket: TicketDetailResponse,
  context: RecordFormContext,
  signature: Buffer | null,
): PDFKit.PDFDocument {
  const l = LABELS[context.language];
  const at = formInstants(context.timeZone);
  const form = startRecordForm(context, l.title, ticket.number);

  form.section(l.customerSection);
  form.fields([
    [l.number, ticket.number],
    [l.status, TICKET_STATUS_LABELS[ticket.status][context.language]],
    [l.customer, ticket.customer.name],
    [l.contact, [ticket.contactName, ticket.contactPhone].filter(Boolean).join(' ')],
    [l.address, ticket.address ?? ''],
    [l.product, `${ticket.product.name}（${ticket.product.sku}）`],
    [l.serial, ticket.serialNumber ?? ''],
    [l.warranty, TICKET_WARRANTY_LABELS[ticket.warrantyStatus][context.language]],
    [l.priority, PRIORITY_LABELS[ticket.priority][context.language]],
    [l.reportedAt, at(ticket.reportedAt)],
    [l.fault, ticket.fault],
  ]);

  form.section(l.jobSection);
  form.fields([
    [l.outlet, ticket.outlet?.name ?? ''],
    [l.technician, ticket.technician?.name ?? ''],
  ]);
  const breached = new Set(ticket.breaches.map((breach) => breach.deadline));
  const deadline = (kind: DeadlineKind, due: string, done: string | null) => [
    DEADLINE_LABELS[kind][context.language],
    at(due),
    at(done),
    breached.has(kind) ? l.breached : done ? l.onTime : l.pending,
  ];
  form.table(
    [
      { header: '', weight: 2 },
      { header: l.due, weight: 3 },
      { header: l.actual, weight: 3 },
      { header: '', weight: 2 },
    ],
    [
      deadline('response', ticket.responseDueAt, ticket.acceptedAt),
      deadline('on_site', ticket.onSiteDueAt, ticket.checkedInAt),
      deadline('resolve', ticket.resolveDueAt, ticket.resolvedAt),
    ],
  );
  if (ticket.holds.length > 0) {
    form.fields([
      [
        l.paused,
        `${l.minutes(ticket.elapsed.pausedMinutes)}（${ticket.holds
          .map((hold) => HOLD_REASON_LABELS[hold.reason][context.language])
          .join('、')}）`,
      ],
    ]);
  }

  form.section(l.diagnosisSection);
  form.fields([
    [l.cause, ticket.cause ? CAUSE_LABELS[ticket.cause][context.language] : ''],
    [l.diagnosis, ticket.diagnosis ?? ''],
    [l.outcome, ticket.outcome ?? ''],
  ]);

  form.section(l.workSection);
  if (ticket.workLogs.length === 0) form.text(l.none);
  else {
    form.table(
      [
        { header: l.time, weight: 3 },
        { header: l.work, weight: 5 },
        { header: l.parts, weight: 3 },
      ],
      ticket.workLogs.map((log) => [
        `${at(log.startedAt)} – ${at(log.endedAt).slice(11)}`,
        log.description,
        log.parts.map((part) => `${part.name}×${part.quantity}`).join('、'),
      ]),
    );
  }

  form.section(l.chargeSection);
  if (ticket.charges) {
    if (ticket.charges.lines.length > 0) {
      form.table(
        [
          { header: l.part, weight: 4 },
          { header: l.quantity, weight: 1 },
          { header: l.unitPrice, weight: 2 },
          { header: l.labour, weight: 2 },
          { header: l.amount, weight: 2 },
        ],
        ticket.charges.lines.map((line) => [
          `${line.name}（${line.code}）`,
          String(line.quantity),
          money(line.unitPrice),
          money(line.labourFee),
          money(line.partsAmount + line.labourAmount),
        ]),
      );
    }
    form.fields([
      [l.basis, CHARGE_BASIS_LABELS[ticket.charges.basis][context.language]],
      [l.total, money(ticket.charges.total)],
    ]);
  } else form.text(l.none);

  form.section(l.confirmSection);
  form.fields([
    [l.confirmedBy, ticket.confirmation?.customerName ?? ''],
    [l.confirmedAt, at(ticket.confirmation?.confirmedAt ?? null)],
  ]);
  if (signature) {
    form.doc.text(`${l.signature}：`);
    form.doc.image(signature, { fit: [160, 60] });
    form.doc.moveDown(0.5);
  } else if (ticket.confirmation) {
    form.fields([[l.signature, l.noSignature]]);
  }

  form.section(l.timelineSection);
  historyTable(form, context, ticket.timeline);
  form.finish();
  return form.doc;
}
