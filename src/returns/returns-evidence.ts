import type { DataSource } from 'typeorm';
import type { EvidenceSource } from '../evidence/evidence-sources';
import { PERIOD_END, PERIOD_START, localMinuteSql, queryEvidenceSource } from '../evidence/evidence-query';
import {
  FINDING_LABELS,
  NOTICE_CHANNEL_LABELS,
  RETURN_KIND_LABELS,
  RETURN_METHOD_LABELS,
  RETURN_STATUS_LABELS,
  SCRAP_METHOD_LABELS,
  VENDOR_OUTCOME_LABELS,
} from './domain/return-fields';
import { ReturnEntity } from './return.entity';

/** Each item as its label code, product, what it is and its serial number. */
const ITEMS_SQL = `ARRAY(SELECT concat_ws(' ', ri.label_code, ip.name, ri.description,
    CASE WHEN ri.serial_number IS NOT NULL THEN 'SN ' || ri.serial_number END)
  FROM return_items ri JOIN products ip ON ip.id = ri.product_id
  WHERE ri.return_id = r.id ORDER BY ri.line)`;

/** Days between two instants, to one decimal; null until both are known. */
const daysSql = (from: string, to: string) =>
  `CASE WHEN ${from} IS NOT NULL AND ${to} IS NOT NULL
     THEN round(CAST(extract(epoch FROM ${to} - ${from}) / 86400 AS numeric), 1) END`;

/**
 * Returned goods as audit evidence: the returns register (返修及退换货记录: received in the period, with
 * each chase of the vendor and the notice to the customer) and the disposal of scrapped goods
 * (废弃商品回收记录: scrapped in the period, with method and recycler). Customers by code and name only.
 */
export function returnEvidenceSources(dataSource: DataSource, timeZone: string): EvidenceSource[] {
  const returns = () =>
    dataSource
      .getRepository(ReturnEntity)
      .createQueryBuilder('r')
      .innerJoin('r.customer', 'c')
      .leftJoin('r.ticket', 't')
      .leftJoin('r.supplier', 's');
  return [
    queryEvidenceSource(dataSource, timeZone, {
      code: 'returns',
      columns: [
        { key: 'number', zh: '返修单号', en: 'Record', kind: 'text', width: 15 },
        { key: 'kind', zh: '类型', en: 'Kind', kind: 'text', width: 6, values: RETURN_KIND_LABELS },
        { key: 'urgent', zh: '加急', en: 'Urgent', kind: 'boolean', width: 5 },
        { key: 'receivedAt', zh: '接收时间', en: 'Received at', kind: 'datetime', width: 17 },
        { key: 'customerCode', zh: '客户编号', en: 'Customer code', kind: 'text', width: 10 },
        { key: 'customerName', zh: '客户', en: 'Customer', kind: 'text', width: 18 },
        { key: 'ticketNumber', zh: '关联工单', en: 'Ticket', kind: 'text', width: 15 },
        {
          key: 'items',
          zh: '物品（标签 产品 序列号）',
          en: 'Items (label, product, serial)',
          kind: 'list',
          width: 36,
        },
        { key: 'finding', zh: '检测结论', en: 'Finding', kind: 'text', width: 10, values: FINDING_LABELS },
        { key: 'handedOverBy', zh: '交出人', en: 'Handed over by', kind: 'text', width: 8 },
        { key: 'registeredByName', zh: '接收人', en: 'Received by', kind: 'text', width: 8 },
        { key: 'supplierName', zh: '供方', en: 'Vendor', kind: 'text', width: 20 },
        { key: 'shipment', zh: '承运商及运单号', en: 'Carrier and tracking', kind: 'text', width: 20 },
        { key: 'shippedAt', zh: '寄出时间', en: 'Shipped at', kind: 'datetime', width: 17 },
        { key: 'chases', zh: '催办记录', en: 'Chases', kind: 'list', width: 40 },
        { key: 'backAt', zh: '返回时间', en: 'Back at', kind: 'datetime', width: 17 },
        {
          key: 'vendorOutcome',
          zh: '供方处理结果',
          en: 'Vendor outcome',
          kind: 'text',
          width: 10,
          values: VENDOR_OUTCOME_LABELS,
        },
        { key: 'daysAtVendor', zh: '在供方天数', en: 'Days at vendor', kind: 'decimal', width: 8 },
        { key: 'noticeSentAt', zh: '超期告知时间', en: 'Customer noticed at', kind: 'datetime', width: 17 },
        {
          key: 'noticeChannel',
          zh: '告知方式',
          en: 'Notice channel',
          kind: 'text',
          width: 6,
          values: NOTICE_CHANNEL_LABELS,
        },
        { key: 'returnedAt', zh: '返还时间', en: 'Returned at', kind: 'datetime', width: 17 },
        {
          key: 'returnMethod',
          zh: '返还方式',
          en: 'Return method',
          kind: 'text',
          width: 8,
          values: RETURN_METHOD_LABELS,
        },
        { key: 'returnedToName', zh: '签收人', en: 'Received by customer', kind: 'text', width: 8 },
        { key: 'totalDays', zh: '离开客户天数', en: 'Days away', kind: 'decimal', width: 8 },
        {
          key: 'status',
          zh: '当前状态',
          en: 'Status',
          kind: 'text',
          width: 10,
          values: RETURN_STATUS_LABELS,
        },
      ],
      records: () => returns().where(`r.receivedAt >= ${PERIOD_START} AND r.receivedAt < ${PERIOD_END}`),
      select: {
        id: 'r.id',
        number: 'r.number',
        kind: 'r.kind',
        urgent: 'r.urgent',
        receivedAt: 'r.receivedAt',
        customerCode: 'c.code',
        customerName: 'c.name',
        ticketNumber: 't.number',
        items: ITEMS_SQL,
        finding: 'r.finding',
        handedOverBy: 'r.handedOverBy',
        registeredByName: 'r.registeredByName',
        supplierName: 's.name',
        shipment: `concat_ws(' ', r.carrier, r.tracking_number)`,
        shippedAt: 'r.shippedAt',
        // Each chase: when, by whom, whom at the vendor, what was said (and "逾期" when after its due time).
        chases: `ARRAY(SELECT concat_ws(' ', ${localMinuteSql('rc.chased_at')},
            CASE WHEN rc.chased_at > rc.due_at THEN '（逾期）' END, rc.chased_by_name || '：',
            rc.contact, rc.note)
          FROM return_chases rc WHERE rc.return_id = r.id ORDER BY rc.chased_at)`,
        backAt: 'r.backAt',
        vendorOutcome: 'r.vendorOutcome',
        daysAtVendor: daysSql('r.shipped_at', 'r.back_at'),
        noticeSentAt: 'r.noticeSentAt',
        noticeChannel: 'r.noticeChannel',
        returnedAt: 'r.returnedAt',
        returnMethod: 'r.returnMethod',
        returnedToName: 'r.returnedToName',
        totalDays: daysSql('r.received_at', 'r.settled_at'),
        status: 'r.status',
      },
      orderBy: ['r.receivedAt', 'r.number'],
    }),
    queryEvidenceSource(dataSource, timeZone, {
      code: 'recycling',
      columns: [
        { key: 'scrappedOn', zh: '报废日期', en: 'Scrapped on', kind: 'date', width: 11 },
        { key: 'number', zh: '返修单号', en: 'Record', kind: 'text', width: 15 },
        { key: 'kind', zh: '类型', en: 'Kind', kind: 'text', width: 6, values: RETURN_KIND_LABELS },
        { key: 'customerCode', zh: '客户编号', en: 'Customer code', kind: 'text', width: 10 },
        { key: 'customerName', zh: '客户', en: 'Customer', kind: 'text', width: 18 },
        {
          key: 'items',
          zh: '物品（标签 产品 序列号）',
          en: 'Items (label, product, serial)',
          kind: 'list',
          width: 36,
        },
        { key: 'finding', zh: '检测结论', en: 'Finding', kind: 'text', width: 10, values: FINDING_LABELS },
        {
          key: 'vendorOutcome',
          zh: '供方处理结果',
          en: 'Vendor outcome',
          kind: 'text',
          width: 10,
          values: VENDOR_OUTCOME_LABELS,
        },
        { key: 'refundAmount', zh: '退款金额（元）', en: 'Refunded (CNY)', kind: 'money', width: 10 },
        {
          key: 'scrapMethod',
          zh: '处理方式',
          en: 'Disposal method',
          kind: 'text',
          width: 10,
          values: SCRAP_METHOD_LABELS,
        },
        { key: 'recycler', zh: '回收单位', en: 'Recycler', kind: 'text', width: 26 },
        { key: 'scrappedAt', zh: '登记时间', en: 'Recorded at', kind: 'datetime', width: 17 },
      ],
      records: () =>
        returns()
          .where('r.scrappedOn IS NOT NULL')
          .andWhere('r.scrappedOn >= :periodFrom AND r.scrappedOn <= :periodTo'),
      select: {
        id: 'r.id',
        scrappedOn: 'CAST(r.scrappedOn AS text)',
        number: 'r.number',
        kind: 'r.kind',
        customerCode: 'c.code',
        customerName: 'c.name',
        items: ITEMS_SQL,
        finding: 'r.finding',
        vendorOutcome: 'r.vendorOutcome',
        refundAmount: 'r.refundAmount',
        scrapMethod: 'r.scrapMethod',
        recycler: 'r.recycler',
        scrappedAt: 'r.scrappedAt',
      },
      orderBy: ['r.scrappedOn', 'r.number'],
    }),
  ];
}
