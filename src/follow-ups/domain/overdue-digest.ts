import { formatDateTime } from '../../common/calendar';
import type { Language } from '../../common/errors/error-messages';
import { canSeeOutletRecord } from '../../auth/domain/outlet-scope';
import { FOLLOW_UP_KIND_LABELS, type FollowUpKind } from './follow-up-fields';
import { daysOverdue } from './follow-up-schedule';

/** An overdue visit as the daily digest lists it. */
export interface OverdueVisit {
  number: string;
  kind: FollowUpKind;
  outletId: string | null;
  dueAt: Date;
  customerName: string;
  ticketNumber: string | null;
  assetSerial: string | null;
  assigneeName: string | null;
}

export interface DigestRecipient {
  id: string;
  displayName: string;
  email: string;
  outletId: string | null;
}

/** What one manager is told: only the visits of the outlets they may see (head office: all). */
export function visitsFor(recipient: DigestRecipient, visits: readonly OverdueVisit[]): OverdueVisit[] {
  return visits.filter((visit) => canSeeOutletRecord(recipient, visit.outletId));
}

const WORDS = {
  zh: {
    ticket: '工单',
    unit: '设备',
    due: '应于',
    late: (days: number) => (days === 0 ? '今日逾期' : `逾期 ${days} 天`),
    assignee: '负责人',
    unassigned: '未分派',
    separator: '，',
  },
  en: {
    ticket: 'ticket',
    unit: 'unit',
    due: 'due',
    late: (days: number) => (days === 0 ? 'overdue today' : `${days} days overdue`),
    assignee: 'assigned to',
    unassigned: 'unassigned',
    separator: ', ',
  },
} as const;

/** The digest's list, one line per visit, most overdue first, in the recipient's language. */
export function digestLines(
  visits: readonly OverdueVisit[],
  now: Date,
  timeZone: string,
  language: Language,
): string {
  const w = WORDS[language];
  return [...visits]
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.number.localeCompare(b.number))
    .map((visit, index) => {
      const subject = visit.ticketNumber
        ? `${w.ticket} ${visit.ticketNumber}`
        : visit.assetSerial
          ? `${w.unit} ${visit.assetSerial}`
          : null;
      const parts = [
        `${FOLLOW_UP_KIND_LABELS[visit.kind][language]} ${visit.number}`,
        visit.customerName,
        subject,
        `${w.due} ${formatDateTime(visit.dueAt, timeZone)}`,
        w.late(daysOverdue(visit.dueAt, now, timeZone)),
        visit.assigneeName ? `${w.assignee} ${visit.assigneeName}` : w.unassigned,
      ];
      return `${index + 1}. ${parts.filter((part) => part !== null).join(w.separator)}`;
    })
    .join('\n');
}
