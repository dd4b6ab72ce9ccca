import { Injectable } from '@nestjs/common';

/** Something with a validity that runs out: a certificate, a service agreement, a business licence. */
export interface ExpiringItem {
  /** The record it belongs to, e.g. `qualification` or `outlet`. */
  subjectType: string;
  subjectId: string;
  /** Which validity of that record, e.g. `certificate`, `agreement`, `licence`. */
  item: string;
  /** The last valid day, YYYY-MM-DD. */
  validUntil: string;
  /** What a manager reads in the alert, in Chinese, e.g. "网点 SH-001 上海浦东服务中心 的服务协议（编号 FW-2026-01）". */
  description: string;
}

/** A register that has validities to watch; it lists active records whose validity ends on or before `until`. */
export interface ExpirySource {
  name: string;
  findExpiring(until: string): Promise<ExpiringItem[]>;
}

/** Where modules register their expiry sources (in onModuleInit); the daily expiry scan walks them all. */
@Injectable()
export class ExpirySources {
  private readonly sources: ExpirySource[] = [];

  register(source: ExpirySource): void {
    this.sources.push(source);
  }

  all(): readonly ExpirySource[] {
    return this.sources;
  }
}
