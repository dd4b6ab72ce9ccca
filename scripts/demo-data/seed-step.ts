import { addDays, formatDateTime } from '../../src/common/calendar';
import type { DemoSession } from './api-client';

/** What the summary counts, with the Chinese label it prints. Later steps add their kinds here. */
export const SEED_KINDS = {
  users: '用户',
  outlets: '网点',
  outletStaff: '委外网点培训人员',
  outletReviews: '网点年度评审',
  rectificationActions: '整改措施',
  qualifications: '资格证书',
  products: '产品',
  parts: '备件价目',
  suppliers: '合格供方',
  tools: '设备工具',
  toolInspections: '工具年检记录',
  customers: '客户',
  assets: '售出设备',
  trainings: '培训',
  performanceReviews: '绩效考核',
  tickets: '维修工单',
  ticketWorkLogs: '维修记录',
  ticketBreaches: '超时记录',
  returns: '返修单',
  returnChases: '返修催办记录',
  complaints: '投诉',
  complaintEscalations: '投诉升级',
  followUps: '回访记录',
  inspections: '巡检',
  surveyTemplates: '满意度调查表',
  surveyInvitations: '满意度调查邀请',
  surveyResponses: '满意度调查答卷',
  assessments: '售后服务自评（已定稿）',
} as const;
export type SeedKind = keyof typeof SEED_KINDS;

/** The records later steps refer to, each by its natural key: username, outlet code, SKU, customer name, part code. */
export type IdKind = 'user' | 'outlet' | 'product' | 'customer' | 'part';

/** Natural keys of the demo data to the ids the API gave. */
export class DemoIds {
  private readonly ids = new Map<string, string>();

  set(kind: IdKind, key: string, id: string): void {
    this.ids.set(`${kind}:${key}`, id);
  }

  /** The id of a record an earlier step created; a typo in the data tables fails loudly here. */
  get(kind: IdKind, key: string): string {
    const id = this.ids.get(`${kind}:${key}`);
    if (id === undefined)
      throw new Error(`Demo data refers to ${kind} "${key}", which no earlier step created`);
    return id;
  }
}

export interface SeedContext {
  /** Today in the company time zone: every demo date is counted from it, so alerts fit whenever it runs. */
  readonly today: string;
  /** The company's time zone, in which the demo's times of day are meant. */
  readonly timeZone: string;
  readonly ids: DemoIds;
  /** A demo user's session, logged in through the API on first use. */
  as(username: string): Promise<DemoSession>;
  counted(kind: SeedKind, count?: number): void;
  /**
   * Sets the application's clock back to a moment of a demo story, from which it runs on (null: real
   * time again), so that what the API stamps with "now" happened when the story says.
   */
  setAppTime(at: Date | null): void;
  /**
   * Runs the background worker until every job due by now is handled, e.g. so that the follow-ups of
   * the tickets resolved so far exist (they come from the tickets' events) before a step works on them.
   */
  runBackgroundJobs(): Promise<void>;
  /**
   * A mail's text as the recipient got it: how the demo customers open the answer links of their
   * survey invitations (the API shows staff these mails without the links' secret tokens).
   */
  mailText(messageId: string): Promise<string>;
}

/** One part of the demo company. Steps run in order and may use what earlier steps created. */
export interface SeedStep {
  /** Shown while it runs. */
  title: string;
  run(context: SeedContext): Promise<void>;
}

/** A date this many days from today (negative: in the past). */
export function daysFromToday(context: Pick<SeedContext, 'today'>, days: number): string {
  return addDays(context.today, days);
}

/** That time of day (`HH:mm`, company time zone) on the day this many days from today. */
export function timeOnDay(
  context: Pick<SeedContext, 'today' | 'timeZone'>,
  days: number,
  time: string,
): Date {
  const asUtc = new Date(`${daysFromToday(context, days)}T${time}:00Z`);
  // The zone's offset then: how far its wall clock reads from UTC at that moment.
  const wallClock = new Date(`${formatDateTime(asUtc, context.timeZone).replace(' ', 'T')}:00Z`);
  return new Date(2 * asUtc.getTime() - wallClock.getTime());
}
