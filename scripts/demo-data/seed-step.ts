import { addDays } from '../../src/common/calendar';
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
} as const;
export type SeedKind = keyof typeof SEED_KINDS;

/** The records later steps refer to, each by its natural key: username, outlet code, SKU, customer name. */
export type IdKind = 'user' | 'outlet' | 'product' | 'customer';

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
  readonly ids: DemoIds;
  /** A demo user's session, logged in through the API on first use. */
  as(username: string): Promise<DemoSession>;
  counted(kind: SeedKind, count?: number): void;
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
