import { formatDateTime } from '../../common/calendar';
import type { TechnicianQualification } from '../../staff/domain/qualification-status';

export interface Named {
  id: string;
  name: string;
}

/** How busy a technician is: their open jobs and the earliest deadline still to meet among them. */
export interface TechnicianLoad {
  technician: Named;
  openJobs: number;
  /** Null when none of their jobs has a deadline left to meet; may be past (overdue). */
  nextDueAt: Date | null;
}

/** What the ranking reads of a technician who might take the job. */
export interface CandidateFacts extends TechnicianLoad {
  /** Null when the technician belongs to no outlet. */
  outlet: Named | null;
  /** Why the outlet cannot take jobs today; empty when it can. */
  outletBlockedReasons: readonly string[];
  /** The outlet covers the customer's region and can take jobs today. */
  coversRegion: boolean;
  qualification: TechnicianQualification;
}

export interface RankingContext {
  /** The customer's region; null when the ticket has none (then no outlet covers it). */
  region: string | null;
  productCategory: string;
  now: Date;
  timeZone: string;
}

export interface RankedCandidate extends CandidateFacts {
  /** 1-based. */
  rank: number;
  /** Covers the region from an outlet that can take jobs today, with a valid certificate. */
  recommended: boolean;
  /** Why the technician stands where they do, in Chinese, for the dispatcher. */
  reasons: string[];
}

/** An expired certificate ranks below none at all: it is a lapse the dispatcher must see. */
const QUALIFICATION_ORDER: Readonly<Record<TechnicianQualification, number>> = {
  qualified: 0,
  missing: 1,
  expired: 2,
};

/**
 * Least busy first: fewer open jobs, then the later nearest deadline (no deadline at all is the least
 * pressure), then by name and id so that equal technicians always come in the same order.
 */
export function compareLoad(a: TechnicianLoad, b: TechnicianLoad): number {
  return (
    a.openJobs - b.openJobs ||
    dueTime(b.nextDueAt) - dueTime(a.nextDueAt) ||
    a.technician.name.localeCompare(b.technician.name, 'zh-CN') ||
    a.technician.id.localeCompare(b.technician.id)
  );
}

const dueTime = (due: Date | null): number => due?.getTime() ?? Number.POSITIVE_INFINITY;

/** The outlet covers the region and nothing stops it taking the job today. */
const takesRegion = (candidate: CandidateFacts): boolean =>
  candidate.coversRegion && candidate.outlet !== null && candidate.outletBlockedReasons.length === 0;

/**
 * Ranks the technicians for a ticket (SPEC §3.1): those whose outlet covers the customer's region
 * first, then a valid qualification for the product category (an expired one last), then the least
 * busy. Every candidate carries the reasons for its place.
 */
export function rankCandidates(
  candidates: readonly CandidateFacts[],
  context: RankingContext,
): RankedCandidate[] {
  return [...candidates]
    .sort(
      (a, b) =>
        Number(takesRegion(b)) - Number(takesRegion(a)) ||
        QUALIFICATION_ORDER[a.qualification] - QUALIFICATION_ORDER[b.qualification] ||
        compareLoad(a, b),
    )
    .map((candidate, index) => ({
      ...candidate,
      rank: index + 1,
      recommended: takesRegion(candidate) && candidate.qualification === 'qualified',
      reasons: reasonsFor(candidate, context),
    }));
}

function reasonsFor(candidate: CandidateFacts, context: RankingContext): string[] {
  const reasons = [regionReason(candidate, context), qualificationReason(candidate, context)];
  reasons.push(candidate.openJobs === 0 ? '当前无未完成工单' : `当前未完成工单 ${candidate.openJobs} 个`);
  if (candidate.nextDueAt !== null) {
    const due = `最近时限 ${formatDateTime(candidate.nextDueAt, context.timeZone)}`;
    reasons.push(candidate.nextDueAt.getTime() <= context.now.getTime() ? `${due}（已超时）` : due);
  }
  return reasons;
}

function regionReason(candidate: CandidateFacts, context: RankingContext): string {
  if (candidate.outlet === null) return '未归属任何网点';
  if (candidate.outletBlockedReasons.length > 0) {
    return `所属网点今日不能接单：${candidate.outletBlockedReasons.join('；')}`;
  }
  if (context.region === null) return '工单未登记客户所在区域，无法判断网点覆盖';
  return candidate.coversRegion ? '所属网点覆盖该区域' : '所属网点不覆盖客户所在区域';
}

function qualificationReason(candidate: CandidateFacts, context: RankingContext): string {
  const category = context.productCategory;
  switch (candidate.qualification) {
    case 'qualified':
      return `持有${category}类有效资格证书`;
    case 'expired':
      return `${category}类资格证书已过期`;
    case 'missing':
      return `无${category}类资格证书`;
  }
}
