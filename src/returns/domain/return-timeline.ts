import { formatDateTime } from '../../common/calendar';
import type { Labels } from '../../common/labels';
import {
  FINDING_LABELS,
  NOTICE_CHANNEL_LABELS,
  RETURN_KIND_LABELS,
  RETURN_METHOD_LABELS,
  SCRAP_METHOD_LABELS,
  VENDOR_OUTCOME_LABELS,
} from './return-fields';

/** A timeline entry as stored: the action (or system event), its reason and what it entered. */
export interface ReturnHistoryFacts {
  action: string;
  reason: string | null;
  details: Record<string, unknown>;
}

const TITLES: Readonly<Record<string, string>> = {
  receive: '接收入库',
  inspect: '检测',
  register: '交接登记',
  ship: '寄送供方',
  chase: '催办供方',
  chase_due: '催办提醒',
  receive_back: '供方返回',
  return_to_customer: '返还客户',
  refund: '退款',
  scrap: '报废回收',
  close: '关闭',
  notice: '告知客户',
  notice_call: '电话告知',
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function chinese(labels: Labels<string>, code: unknown): string {
  const key = text(code);
  return Object.hasOwn(labels, key) ? (labels[key]?.zh ?? key) : key;
}

/** The entry's title and one line of what happened, in Chinese, as the returns desk reads a record. */
export function describeReturnHistoryEntry(
  entry: ReturnHistoryFacts,
  timeZone: string,
): { title: string; summary: string } {
  const d = entry.details;
  const at = (value: unknown) => (typeof value === 'string' ? formatDateTime(new Date(value), timeZone) : '');
  const note = d.note ? `；${text(d.note)}` : '';
  const title = TITLES[entry.action] ?? entry.action;
  switch (entry.action) {
    case 'receive': {
      const from = d.ticketNumber ? `工单 ${text(d.ticketNumber)} 带回` : '客户送修';
      const count = typeof d.itemCount === 'number' ? d.itemCount : 0;
      return {
        title,
        summary: `${from}，${chinese(RETURN_KIND_LABELS, d.kind)}${d.urgent ? '（加急）' : ''}，共 ${count} 件`,
      };
    }
    case 'inspect':
      return { title, summary: `检测结论：${chinese(FINDING_LABELS, d.finding)}${note}` };
    case 'register':
      return { title, summary: `${text(d.handedOverBy)} 交 ${text(d.registeredByName)} 接收${note}` };
    case 'ship':
      return {
        title,
        summary: `寄往 ${text(d.supplierName)}，${text(d.carrier)} ${text(d.trackingNumber)}，${at(d.shippedAt)} 寄出；每 ${String(d.chaseIntervalDays)} 天催办`,
      };
    case 'chase':
      return {
        title,
        summary: `${d.contact ? `联系 ${text(d.contact)}：` : ''}${text(d.note)}${d.expectedBackOn ? `；预计 ${text(d.expectedBackOn)} 返回` : ''}`,
      };
    case 'chase_due':
      return { title, summary: `应于 ${at(d.dueAt)} 催办供方，尚未登记；已提醒 ${text(d.recipients)}` };
    case 'receive_back':
      return {
        title,
        summary: `供方处理结果：${chinese(VENDOR_OUTCOME_LABELS, d.outcome)}${d.replacementSerialNumber ? `，新机编号 ${text(d.replacementSerialNumber)}` : ''}${note}`,
      };
    case 'return_to_customer':
      return {
        title,
        summary: `${at(d.returnedAt)} ${chinese(RETURN_METHOD_LABELS, d.method)}，${text(d.receivedByName)} 签收${note}`,
      };
    case 'refund':
      return {
        title,
        summary: `退款 ¥${Number(d.amount ?? 0).toFixed(2)}${entry.reason ? `（原因：${entry.reason}）` : ''}`,
      };
    case 'scrap':
      return {
        title,
        summary: `${text(d.scrappedOn)} ${chinese(SCRAP_METHOD_LABELS, d.method)}，回收单位：${text(d.recycler)}${note}`,
      };
    case 'notice':
      return {
        title,
        summary:
          d.channel === 'phone'
            ? `物品离开客户已超过 ${String(d.noticeDays)} 天；客户无邮箱，已生成电话告知任务（${text(d.recipient)}）`
            : `物品离开客户已超过 ${String(d.noticeDays)} 天，已${chinese(NOTICE_CHANNEL_LABELS, d.channel)}告知 ${text(d.recipient)}`,
      };
    case 'notice_call':
      return { title, summary: `${at(d.calledAt)} 已电话告知客户${note}` };
    default:
      return { title, summary: entry.reason ?? text(d.note) };
  }
}
