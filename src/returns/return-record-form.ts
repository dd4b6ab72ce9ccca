import type { Language } from '../common/errors/error-messages';
import {
  type RecordFormContext,
  formInstants,
  historyTable,
  startRecordForm,
} from '../evidence/pdf/form-layout';
import {
  FINDING_LABELS,
  NOTICE_CHANNEL_LABELS,
  RETURN_KIND_LABELS,
  RETURN_METHOD_LABELS,
  RETURN_STATUS_LABELS,
  SCRAP_METHOD_LABELS,
  VENDOR_OUTCOME_LABELS,
} from './domain/return-fields';
import type { ReturnDetailResponse } from './dto/return-response.dto';

const LABELS = {
  zh: {
    title: '返修记录单',
    intakeSection: '一、客户与送修物品',
    inspectionSection: '二、检测与交接',
    vendorSection: '三、供方处理',
    chaseSection: '四、催办记录',
    noticeSection: '五、客户告知',
    outcomeSection: '六、处理结果',
    timelineSection: '七、处理过程',
    number: '返修单号',
    status: '状态',
    kind: '类型',
    urgent: '加急',
    yes: '是',
    no: '否',
    customer: '客户',
    ticket: '关联工单',
    receivedAt: '接收时间',
    fault: '故障 / 原因',
    label: '标签编号',
    product: '产品',
    item: '物品',
    serial: '序列号',
    condition: '外观状况',
    accessories: '附件',
    finding: '检测结论',
    inspectedAt: '检测时间',
    note: '说明',
    handedOverBy: '交出人',
    registeredBy: '接收人（返修员）',
    registeredAt: '交接时间',
    supplier: '供方',
    carrier: '承运商',
    tracking: '运单号',
    shippedAt: '寄出时间',
    cadence: '催办周期',
    everyDays: (days: number) => `每 ${days} 天`,
    backAt: '返回时间',
    vendorOutcome: '供方处理结果',
    replacement: '新机编号',
    daysAtVendor: '在供方天数',
    chasedAt: '催办时间',
    dueAt: '应催办时间',
    chasedBy: '催办人',
    contact: '联系对象',
    content: '催办内容',
    late: '（逾期）',
    noticeDueAt: '应告知时间',
    noticeSentAt: '告知时间',
    noticeChannel: '告知方式',
    calledAt: '电话完成时间',
    notYet: '未到期或无需告知',
    returnedAt: '返还时间',
    method: '返还方式',
    receivedBy: '签收人',
    refundedAt: '退款时间',
    refundAmount: '退款金额',
    scrappedOn: '报废日期',
    scrapMethod: '处理方式',
    recycler: '回收单位',
    totalDays: '离开客户天数',
    none: '无',
    days: (days: number) => `${days} 天`,
  },
  en: {
    title: 'Returned goods record',
    intakeSection: '1. Customer and goods',
    inspectionSection: '2. Inspection and hand-over',
    vendorSection: '3. At the vendor',
    chaseSection: '4. Chases',
    noticeSection: '5. Customer notice',
    outcomeSection: '6. Outcome',
    timelineSection: '7. History',
    number: 'Record',
    status: 'Status',
    kind: 'Kind',
    urgent: 'Urgent',
    yes: 'yes',
    no: 'no',
    customer: 'Customer',
    ticket: 'Ticket',
    receivedAt: 'Received',
    fault: 'Fault / reason',
    label: 'Label',
    product: 'Product',
    item: 'Item',
    serial: 'Serial no.',
    condition: 'Condition',
    accessories: 'Accessories',
    finding: 'Finding',
    inspectedAt: 'Inspected',
    note: 'Note',
    handedOverBy: 'Handed over by',
    registeredBy: 'Received by (clerk)',
    registeredAt: 'Handed over at',
    supplier: 'Vendor',
    carrier: 'Carrier',
    tracking: 'Tracking no.',
    shippedAt: 'Shipped',
    cadence: 'Chase every',
    everyDays: (days: number) => `${days} days`,
    backAt: 'Back',
    vendorOutcome: 'Vendor outcome',
    replacement: 'Replacement serial',
    daysAtVendor: 'Days at vendor',
    chasedAt: 'Chased',
    dueAt: 'Due',
    chasedBy: 'By',
    contact: 'Contact',
    content: 'Note',
    late: ' (late)',
    noticeDueAt: 'Notice due',
    noticeSentAt: 'Noticed',
    noticeChannel: 'Channel',
    calledAt: 'Call made',
    notYet: 'not due or not needed',
    returnedAt: 'Returned',
    method: 'Method',
    receivedBy: 'Received by',
    refundedAt: 'Refunded',
    refundAmount: 'Amount',
    scrappedOn: 'Scrapped on',
    scrapMethod: 'Disposal',
    recycler: 'Recycler',
    totalDays: 'Days away',
    none: 'none',
    days: (days: number) => `${days} days`,
  },
} as const;

/**
 * The 返修记录单 of one record, as the paper form an auditor asks for: the goods and their labels,
 * inspection and hand-over, the vendor, every chase, the notice to the customer, the outcome (returned,
 * refunded or scrapped) and the whole history. Returns the PDF stream.
 */
export function renderReturnRecordForm(
  record: ReturnDetailResponse,
  context: RecordFormContext,
): PDFKit.PDFDocument {
  const language = context.language;
  const l = LABELS[language];
  // Blank, not a dash, where a time is missing: fields print their own dash, tables stay blank.
  const at = formInstants(context.timeZone, '');
  const label = <K extends string>(labels: Readonly<Record<K, Record<Language, string>>>, code: K | null) =>
    code ? labels[code][language] : '';
  const form = startRecordForm(context, l.title, record.number);

  form.section(l.intakeSection);
  form.fields([
    [l.number, record.number],
    [l.status, RETURN_STATUS_LABELS[record.status][language]],
    [l.kind, RETURN_KIND_LABELS[record.kind][language]],
    [l.urgent, record.urgent ? l.yes : l.no],
    [l.customer, record.customer.name],
    [l.ticket, record.ticket?.number ?? ''],
    [l.receivedAt, at(record.receivedAt)],
    [l.fault, record.fault],
  ]);
  form.table(
    [
      { header: l.label, weight: 3 },
      { header: l.product, weight: 3 },
      { header: l.item, weight: 3 },
      { header: l.serial, weight: 3 },
      { header: l.condition, weight: 3 },
      { header: l.accessories, weight: 2 },
    ],
    record.items.map((item) => [
      item.labelCode,
      item.product.name,
      item.description,
      item.serialNumber ?? '',
      item.condition ?? '',
      item.accessories ?? '',
    ]),
  );

  form.section(l.inspectionSection);
  form.fields([
    [l.finding, label(FINDING_LABELS, record.finding)],
    [l.inspectedAt, at(record.inspectedAt)],
    [l.note, record.inspectionNote ?? ''],
    [l.handedOverBy, record.handedOverBy ?? ''],
    [l.registeredBy, record.registeredByName ?? ''],
    [l.registeredAt, at(record.registeredAt)],
  ]);

  form.section(l.vendorSection);
  if (record.supplier) {
    form.fields([
      [l.supplier, record.supplier.name],
      [l.carrier, record.carrier ?? ''],
      [l.tracking, record.trackingNumber ?? ''],
      [l.shippedAt, at(record.shippedAt)],
      [l.cadence, record.chaseIntervalDays ? l.everyDays(record.chaseIntervalDays) : ''],
      [l.backAt, at(record.backAt)],
      [l.vendorOutcome, label(VENDOR_OUTCOME_LABELS, record.vendorOutcome)],
      [l.replacement, record.replacementSerialNumber ?? ''],
      [l.daysAtVendor, record.turnaround.daysAtVendor === null ? '' : l.days(record.turnaround.daysAtVendor)],
      [l.note, record.vendorNote ?? ''],
    ]);
  } else form.text(l.none);

  form.section(l.chaseSection);
  if (record.chases.length === 0) form.text(l.none);
  else {
    form.table(
      [
        { header: l.chasedAt, weight: 3 },
        { header: l.dueAt, weight: 3 },
        { header: l.chasedBy, weight: 2 },
        { header: l.contact, weight: 3 },
        { header: l.content, weight: 6 },
      ],
      record.chases.map((chase) => [
        `${at(chase.chasedAt)}${chase.late ? l.late : ''}`,
        at(chase.dueAt),
        chase.chasedByName,
        chase.contact ?? '',
        chase.note,
      ]),
    );
  }

  form.section(l.noticeSection);
  form.fields([
    [l.noticeDueAt, at(record.noticeDueAt)],
    [l.noticeSentAt, record.notice ? at(record.notice.sentAt) : l.notYet],
    [l.noticeChannel, record.notice ? NOTICE_CHANNEL_LABELS[record.notice.channel][language] : ''],
    [l.calledAt, at(record.notice?.calledAt ?? null)],
  ]);

  form.section(l.outcomeSection);
  const outcome: [string, string][] = [];
  if (record.returnedAt) {
    outcome.push(
      [l.returnedAt, at(record.returnedAt)],
      [l.method, label(RETURN_METHOD_LABELS, record.returnMethod)],
      [l.receivedBy, record.returnedToName ?? ''],
    );
  }
  if (record.refundedAt) {
    outcome.push(
      [l.refundedAt, at(record.refundedAt)],
      [l.refundAmount, `¥${(record.refundAmount ?? 0).toFixed(2)}`],
    );
  }
  if (record.scrappedOn) {
    outcome.push(
      [l.scrappedOn, record.scrappedOn],
      [l.scrapMethod, label(SCRAP_METHOD_LABELS, record.scrapMethod)],
      [l.recycler, record.recycler ?? ''],
    );
  }
  outcome.push([l.totalDays, l.days(record.turnaround.totalDays)]);
  form.fields(outcome);

  form.section(l.timelineSection);
  historyTable(form, context, record.timeline);
  form.finish();
  return form.doc;
}
