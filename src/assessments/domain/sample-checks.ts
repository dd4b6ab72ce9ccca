import type { Labels } from '../../common/labels';
import { type ClockedComplaint, isStepMissed } from '../../complaints/domain/complaint-escalation';
import type { EvidenceCode } from '../../evidence/domain/evidence-types';
import type { FollowUpStatus } from '../../follow-ups/domain/follow-up-fields';
import { isOverdue } from '../../follow-ups/domain/follow-up-schedule';

/**
 * What makes a sampled record non-conforming, for the records the system can judge itself. Each check
 * returns the problems it finds (none: the record conforms), so a suggestion can say why each failed.
 */
export const SAMPLE_PROBLEMS = [
  'no_work_log',
  'no_customer_confirmation',
  'no_follow_up',
  'follow_up_overdue',
  'acknowledged_late',
  'not_acknowledged_in_time',
  'resolved_late',
  'not_resolved_in_time',
  'notice_not_sent',
  'notice_call_not_made',
] as const;
export type SampleProblem = (typeof SAMPLE_PROBLEMS)[number];

export const SAMPLE_PROBLEM_LABELS: Labels<SampleProblem> = {
  no_work_log: { zh: '无维修过程记录', en: 'No work log' },
  no_customer_confirmation: { zh: '无客户确认', en: 'No customer confirmation' },
  no_follow_up: { zh: '无回访记录', en: 'No follow-up visit' },
  follow_up_overdue: { zh: '回访逾期未完成', en: 'Follow-up overdue' },
  acknowledged_late: { zh: '未按时受理', en: 'Acknowledged late' },
  not_acknowledged_in_time: { zh: '逾期未受理', en: 'Not acknowledged in time' },
  resolved_late: { zh: '未按时解决', en: 'Resolved late' },
  not_resolved_in_time: {
    zh: '逾期未解决，尚无纠正措施',
    en: 'Not resolved in time, no corrective action yet',
  },
  notice_not_sent: { zh: '超过告知期限未告知客户', en: 'Customer not told when the notice was due' },
  notice_call_not_made: { zh: '电话告知未完成', en: 'Notice call not made' },
};

/** The evidence types whose sampled records the system judges, and what each record is. */
export const CHECKED_EVIDENCE = {
  'repair-records': 'ticket',
  complaints: 'complaint',
  returns: 'return',
} as const satisfies Partial<Record<EvidenceCode, string>>;
export type CheckedEvidence = keyof typeof CHECKED_EVIDENCE;

export function isCheckedEvidence(code: EvidenceCode): code is CheckedEvidence {
  return code in CHECKED_EVIDENCE;
}

export interface FollowUpOfRepair {
  status: FollowUpStatus;
  dueAt: Date;
  /** The resolution it follows up: a reopened ticket resolved again is followed up again. */
  ticketResolvedAt: Date | null;
}

export interface RepairRecord {
  /** Null once the ticket was reopened after the sample was drawn: then any of its follow-ups counts. */
  resolvedAt: Date | null;
  confirmedAt: Date | null;
  workLogCount: number;
  followUps: readonly FollowUpOfRepair[];
}

/**
 * A 维修记录单 conforms with a work log, the customer's confirmation and a follow-up of its latest
 * resolution that was made (completed, or the customer unreachable after the attempts, which SPEC §3.3
 * counts as an outcome). A follow-up not yet due is no fault: the repair was resolved lately.
 */
export function repairRecordProblems(record: RepairRecord, now: Date): SampleProblem[] {
  const problems: SampleProblem[] = [];
  if (record.workLogCount === 0) problems.push('no_work_log');
  if (record.confirmedAt === null) problems.push('no_customer_confirmation');
  const resolvedAt = record.resolvedAt?.getTime();
  const ofResolution = record.followUps.filter(
    (followUp) => resolvedAt === undefined || followUp.ticketResolvedAt?.getTime() === resolvedAt,
  );
  const made = ofResolution.some((followUp) => ['completed', 'unreachable'].includes(followUp.status));
  if (!made) {
    const waiting = ofResolution.filter((followUp) => followUp.status === 'pending');
    if (waiting.some((followUp) => isOverdue(followUp.status, followUp.dueAt, now))) {
      problems.push('follow_up_overdue');
    } else if (waiting.length === 0) problems.push('no_follow_up');
  }
  return problems;
}

/** A complaint conforms when each step due by now was done in its time (a resolution brings the corrective action). */
export function complaintProblems(complaint: ClockedComplaint, now: Date): SampleProblem[] {
  const problems: SampleProblem[] = [];
  if (isStepMissed(complaint, 'acknowledge', now)) {
    problems.push(complaint.acknowledgedAt === null ? 'not_acknowledged_in_time' : 'acknowledged_late');
  }
  if (isStepMissed(complaint, 'resolve', now)) {
    problems.push(complaint.resolvedAt === null ? 'not_resolved_in_time' : 'resolved_late');
  }
  return problems;
}

export interface NoticedReturn {
  noticeDueAt: Date;
  /** When the goods went back to the customer (or were refunded or scrapped); null while away. */
  settledAt: Date | null;
  noticeSentAt: Date | null;
  noticeChannel: 'email' | 'phone' | null;
  noticeCalledAt: Date | null;
}

/**
 * Returned goods still away at the notice threshold must have been noticed to the customer: by mail,
 * or by a phone call actually made. Goods back before the threshold owe no notice.
 */
export function returnProblems(record: NoticedReturn, now: Date): SampleProblem[] {
  const due = record.noticeDueAt.getTime();
  const owed = due <= now.getTime() && (record.settledAt === null || record.settledAt.getTime() > due);
  if (!owed) return [];
  if (record.noticeSentAt === null) return ['notice_not_sent'];
  if (record.noticeChannel === 'phone' && record.noticeCalledAt === null) return ['notice_call_not_made'];
  return [];
}
