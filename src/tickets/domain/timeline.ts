import { formatDateTime } from '../../common/calendar';
import type { Labels } from '../../common/labels';
import { CHARGE_BASIS_LABELS } from './charges';
import {
  CAUSE_LABELS,
  CHANNEL_LABELS,
  DEADLINE_NAMES,
  HOLD_REASON_NAMES,
  PRIORITY_NAMES,
  type DeadlineKind,
  type HoldReason,
} from './ticket-fields';

/** A timeline entry as stored: the action (or system event), its reason and what it entered. */
export interface HistoryFacts {
  action: string;
  reason: string | null;
  details: Record<string, unknown>;
}

const TITLES: Readonly<Record<string, string>> = {
  report: '报修登记',
  dispatch: '派单',
  accept: '接单',
  reschedule: '改约',
  check_in: '到场签到',
  diagnose: '故障诊断',
  log_work: '维修记录',
  take_back: '带回检修',
  resolve: '完工确认',
  hold: '挂起',
  resume: '恢复处理',
  close: '关闭',
  close_after_follow_up: '回访后关闭',
  cancel: '取消',
  reopen: '重新打开',
  breach: '超时',
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A code stored in an entry's details in Chinese; undefined for a code the vocabulary lacks. */
function chinese(labels: Labels<string>, code: unknown): string | undefined {
  const key = text(code);
  return Object.hasOwn(labels, key) ? labels[key]?.zh : undefined;
}

function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;
}

/** The entry's title and one line of what happened, in Chinese, as the service desk reads a ticket. */
export function describeHistoryEntry(
  entry: HistoryFacts,
  timeZone: string,
): { title: string; summary: string } {
  const d = entry.details;
  const at = (value: unknown) => (typeof value === 'string' ? formatDateTime(new Date(value), timeZone) : '');
  const withReason = (line: string) => (entry.reason ? `${line}（原因：${entry.reason}）` : line);
  const note = d.note ? `：${text(d.note)}` : '';
  const title =
    entry.action === 'dispatch' && d.previousTechnicianId && d.previousTechnicianId !== d.technicianId
      ? '改派'
      : (TITLES[entry.action] ?? entry.action);
  switch (entry.action) {
    case 'report':
      return {
        title,
        summary: `通过${chinese(CHANNEL_LABELS, d.channel) ?? text(d.channel)}报修，优先级：${PRIORITY_NAMES[d.priority as 'normal'] ?? ''}`,
      };
    case 'dispatch':
      return { title, summary: withReason(`派给 ${text(d.technicianName)}`) };
    case 'accept':
      return { title, summary: `已联系客户，预约上门时间 ${at(d.appointmentAt)}${note}` };
    case 'reschedule':
      return {
        title,
        summary: withReason(`预约由 ${at(d.previousAppointmentAt)} 改为 ${at(d.appointmentAt)}`),
      };
    case 'check_in':
      return { title, summary: `到达现场 ${at(d.at)}` };
    case 'diagnose':
      return { title, summary: `${chinese(CAUSE_LABELS, d.cause) ?? ''}：${text(d.diagnosis)}` };
    case 'log_work': {
      const parts = Array.isArray(d.parts)
        ? (d.parts as { name: string; quantity: number }[]).map((p) => `${p.name}×${p.quantity}`).join('、')
        : '';
      return {
        title,
        summary: `${at(d.startedAt)} 至 ${at(d.endedAt)}：${text(d.description)}${parts ? `；用料：${parts}` : ''}`,
      };
    }
    case 'take_back': {
      const items = Array.isArray(d.items) ? (d.items as { description: string }[]) : [];
      return {
        title,
        summary: withReason(`带回 ${items.length} 件：${items.map((item) => item.description).join('、')}`),
      };
    }
    case 'resolve':
      return {
        title,
        summary:
          `${text(d.outcome)}；客户 ${text(d.customerName)} 于 ${at(d.confirmedAt)} 确认；` +
          `费用 ¥${Number(d.chargeTotal ?? 0).toFixed(2)}（${chinese(CHARGE_BASIS_LABELS, d.chargeBasis) ?? ''}）`,
      };
    case 'hold':
      return {
        title,
        summary: `${HOLD_REASON_NAMES[d.holdReason as HoldReason] ?? ''}${note}`,
      };
    case 'resume':
      return {
        title,
        summary: `挂起 ${durationText(Number(d.pausedMs ?? 0))}，修复时限顺延至 ${at(d.resolveDueAt)}${note}`,
      };
    case 'close_after_follow_up':
      return { title, summary: `回访完成，客户满意${note}` };
    case 'breach':
      return {
        title,
        summary: `未满足${DEADLINE_NAMES[d.deadline as DeadlineKind] ?? ''}（应于 ${at(d.dueAt)} 前完成）`,
      };
    default:
      return { title, summary: entry.reason ?? '' };
  }
}
