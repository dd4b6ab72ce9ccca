import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../../users/users.service';
import { addDays, daysBetween } from '../calendar';
import { CompanyCalendar } from '../company-calendar';
import { inTransaction } from '../database/transaction';
import { NotificationService } from '../mail/notification.service';
import { EXPIRY_WARNING_DAYS, ExpiryThreshold, expiryThreshold } from './domain/expiry-threshold';
import { ExpiringItem, ExpirySources } from './expiry-sources';

export interface ExpiryListEntry extends ExpiringItem {
  source: string;
  threshold: ExpiryThreshold;
  daysLeft: number;
}

export interface ExpiryScanResult {
  today: string;
  due: number;
  /** Items announced by this run (a second run on the same day announces none). */
  announced: number;
  messages: number;
}

/** The daily expiry check: what runs out within the warning window, and the managers told once per item and stage. */
@Injectable()
export class ExpiryScanService {
  private readonly logger = new Logger(ExpiryScanService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: ExpirySources,
    private readonly users: UsersService,
    private readonly notifications: NotificationService,
    private readonly calendar: CompanyCalendar,
  ) {}

  /** Everything expired or expiring within the warning window, soonest first. */
  async due(): Promise<{ today: string; items: ExpiryListEntry[] }> {
    const today = this.calendar.today();
    const until = addDays(today, EXPIRY_WARNING_DAYS);
    const items: ExpiryListEntry[] = [];
    for (const source of this.sources.all()) {
      for (const item of await source.findExpiring(until)) {
        const threshold = expiryThreshold(item.validUntil, today);
        if (threshold === null) continue;
        items.push({
          ...item,
          source: source.name,
          threshold,
          daysLeft: daysBetween(today, item.validUntil),
        });
      }
    }
    items.sort(
      (a, b) => a.validUntil.localeCompare(b.validUntil) || a.description.localeCompare(b.description),
    );
    return { today, items };
  }

  async scan(): Promise<ExpiryScanResult> {
    const { today, items } = await this.due();
    const managers = await this.users.mailRecipients('manager');
    if (managers.length === 0) {
      // Nothing is marked as announced, so the alerts go out once a manager has an address.
      this.logger.warn({ due: items.length }, 'No manager has a mail address; expiry alerts wait');
      return { today, due: items.length, announced: 0, messages: 0 };
    }
    let announced = 0;
    for (const item of items) {
      const sent = await inTransaction(this.dataSource, async (tx) => {
        // The notice row is the "once": a second run, or a second worker, finds it and sends nothing.
        const claimed = await tx.query<{ id: string }[]>(
          `INSERT INTO expiry_notices (subject_type, subject_id, item, valid_until, threshold)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
          [item.subjectType, item.subjectId, item.item, item.validUntil, item.threshold],
        );
        if (claimed.length === 0) return false;
        for (const manager of managers) {
          await this.notifications.queueMail(tx, {
            to: manager.email,
            template: 'expiry-alert',
            params: {
              recipientName: manager.displayName,
              description: item.description,
              validUntil: item.validUntil,
              threshold: item.threshold,
              daysLeft: String(item.daysLeft),
            },
            related: { type: item.subjectType, id: item.subjectId },
          });
        }
        return true;
      });
      if (sent) announced += 1;
    }
    this.logger.log({ today, due: items.length, announced }, 'Expiry check done');
    return { today, due: items.length, announced, messages: announced * managers.length };
  }
}
