import { formatDateTime } from '../../common/calendar';
import type { Labels } from '../../common/labels';
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STEP_LABELS,
} from './complaint-fields';

/** A timeline entry as stored: the action, its reason and what it entered. */
export interface ComplaintHistoryFacts {
  action: string;
  reason: string | null;
  details: Record<string, unknown>;
}

const TITLES: Readonly<Record<string, string>> = {
  receive: '投诉受理',
  acknowledge: '确认受理',
  investigate: '开始调查',
  resolve: '处理完成',
  close: '关闭',
  escalate: '升级',
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function chinese(labels: Labels<string>, code: unknown): string {
  const key = text(code);
  return Object.hasOwn(labels, key) ? (labels[key]?.zh ?? key) : key;
}

/** The entry's title and one line of what happened, in Chinese, as the complaints desk reads it. */
export function describeComplaintEntry(
  entry: ComplaintHistoryFacts,
  timeZone: string,
): { title: string; summary: string } {
  const d = entry.details;
  const at = (value: unknown) => (typeof value === 'string' ? formatDateTime(new Date(value), timeZone) : '');
  const note = d.note ? `：${text(d.note)}` : '';
  const notified = typeof d.notified === 'number' ? `，已通知经理 ${d.notified} 人` : '';
  const title = TITLES[entry.action] ?? entry.action;
  switch (entry.action) {
    case 'receive':
      return {
        title,
        summary:
          `通过${chinese(COMPLAINT_CHANNEL_LABELS, d.channel)}受理，类别：${chinese(COMPLAINT_CATEGORY_LABELS, d.category)}，` +
          `${chinese(COMPLAINT_SEVERITY_LABELS, d.severity)}投诉${d.severity === 'major' ? notified : ''}`,
      };
    case 'acknowledge':
      return { title, summary: `已向客户确认受理${note}` };
    case 'investigate':
      return { title, summary: `开始调查${note}` };
    case 'resolve':
      return {
        title,
        summary: `根本原因：${text(d.rootCause)}；补救措施：${text(d.remedy)}；纠正措施：${text(d.correctiveAction)}`,
      };
    case 'close':
      return { title, summary: `客户${d.customerAccepted === true ? '接受' : '不接受'}处理结果${note}` };
    case 'escalate':
      return {
        title,
        summary:
          d.trigger === 'manual'
            ? `人工升级至经理（原因：${entry.reason ?? ''}）${notified}`
            : `${chinese(COMPLAINT_STEP_LABELS, d.step)} ${at(d.dueAt)} 已过，自动升级至经理${notified}`,
      };
    default:
      return { title, summary: entry.reason ?? '' };
  }
}
