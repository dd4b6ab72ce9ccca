import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { calendarDate, formatDateTime } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { inTransaction } from '../common/database/transaction';
import { NotificationService } from '../common/mail/notification.service';
import { UserEntity } from '../users/user.entity';
import { type DigestRecipient, type OverdueVisit, digestLines, visitsFor } from './domain/overdue-digest';
import { FollowUpEntity } from './follow-up.entity';

export interface DigestResult {
  day: string;
  overdue: number;
  /** Managers mailed by this run (a second run on the same day mails none). */
  mailed: number;
}

/**
 * The daily digest of overdue follow-ups and inspections: each manager with a mail address gets one
 * message a day listing the overdue visits of the outlets they may see, and none when there are none.
 */
@Injectable()
export class FollowUpDigestService {
  private readonly logger = new Logger(FollowUpDigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every visit still pending past its due time, oldest due first. */
  async overdue(now: Date): Promise<OverdueVisit[]> {
    const rows = await this.dataSource
      .getRepository(FollowUpEntity)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.customer', 'customer')
      .leftJoinAndSelect('f.ticket', 'ticket')
      .leftJoinAndSelect('f.asset', 'asset')
      .leftJoinAndSelect('f.assignee', 'assignee')
      .where(`f.status = 'pending' AND f.dueAt < :now`, { now })
      .orderBy('f.dueAt', 'ASC')
      .getMany();
    return rows.map((row) => ({
      number: row.number,
      kind: row.kind,
      outletId: row.outletId,
      dueAt: row.dueAt,
      customerName: row.customer?.name ?? '',
      ticketNumber: row.ticket?.number ?? null,
      assetSerial: row.asset?.serialNumber ?? null,
      assigneeName: row.assignee?.displayName ?? null,
    }));
  }

  async send(): Promise<DigestResult> {
    const now = this.clock.now();
    const timeZone = this.config.companyTimeZone;
    const day = calendarDate(now, timeZone);
    const visits = await this.overdue(now);
    let mailed = 0;
    for (const recipient of await this.recipients()) {
      const own = visitsFor(recipient, visits);
      if (own.length === 0) continue;
      const sent = await inTransaction(this.dataSource, async (tx) => {
        // The ledger row is the "once a day": a second run, or a second worker, finds it and sends nothing.
        const claimed = await tx.query<{ id: string }[]>(
          `INSERT INTO follow_up_digests (day, recipient_id, overdue_count) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING id`,
          [day, recipient.id, own.length],
        );
        const digestId = claimed[0]?.id;
        if (digestId === undefined) return false;
        await this.notifications.queueMail(tx, {
          to: recipient.email,
          template: 'follow-up-digest',
          params: {
            recipientName: recipient.displayName,
            day,
            asOf: formatDateTime(now, timeZone),
            count: String(own.length),
            items: digestLines(own, now, timeZone, 'zh'),
          },
          related: { type: 'follow_up_digest', id: digestId },
        });
        return true;
      });
      if (sent) mailed += 1;
    }
    this.logger.log({ day, overdue: visits.length, mailed }, 'Overdue follow-up digest done');
    return { day, overdue: visits.length, mailed };
  }

  /** Enabled managers with a mail address, with the outlet that bounds what they see. */
  private async recipients(): Promise<DigestRecipient[]> {
    const users = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.disabled = false AND u.email IS NOT NULL')
      .andWhere(':role = ANY(u.roles)', { role: 'manager' })
      .orderBy('u.username', 'ASC')
      .getMany();
    return users.map((user) => ({
      id: user.id,
      displayName: user.displayName,
      email: user.email as string,
      outletId: user.outletId,
    }));
  }
}
