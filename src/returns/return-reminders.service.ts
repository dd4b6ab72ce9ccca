import { Inject, Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { calendarDate, formatDateTime } from '../common/calendar';
import { Clock } from '../common/clock';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import type { Tx } from '../common/database/transaction';
import { NotificationService } from '../common/mail/notification.service';
import { CustomerEntity } from '../customers/customer.entity';
import { SupplierEntity } from '../suppliers/supplier.entity';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { daysOverdue, nextChaseDueAfterReminder } from './domain/chase-schedule';
import { RETURN_KIND_NAMES, SETTLED_RETURN_STATUSES, type ReturnStatus } from './domain/return-fields';
import { ReturnHistoryEntity } from './return-history.entity';
import { ReturnItemEntity } from './return-item.entity';
import { type ReturnTimerPayload, ReturnScheduler } from './return-scheduler';
import { ReturnEntity } from './return.entity';

/** What a timer's job did: told someone, set itself again (it went off early), or found nothing to do. */
export type TimerOutcome = 'reminded' | 'noticed' | 'early' | 'nothing';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the goods are, as the customer is told. */
const WHERE_THEY_ARE: Readonly<Record<ReturnStatus, string>> = {
  received: '正在我司服务站检测处理中',
  inspected: '正在我司服务站检测处理中',
  registered: '正在安排送交厂家（供方）处理',
  shipped_to_vendor: '仍在厂家（供方）维修处理中',
  back_from_vendor: '已从厂家（供方）返回，正在安排返还',
  returned_to_customer: '已返还',
  closed: '已返还',
  scrapped: '已处理完毕',
  refunded: '已处理完毕',
};

/**
 * The timers of returned goods at their due time (run by the returns queue under consumeOnce): the
 * chase reminder to the returns clerk while the goods are at a vendor and no chase was recorded, and
 * the one notice to the customer when the goods have been away longer than the policy promises.
 */
@Injectable()
export class ReturnRemindersService {
  constructor(
    private readonly notifications: NotificationService,
    private readonly users: UsersService,
    private readonly scheduler: ReturnScheduler,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A chase fell due. Acts only while the goods are still at the vendor and the due time is still the
   * one the timer was set for: a chase recorded since, or the goods back, leave the timer nothing to do.
   */
  async chaseDue(tx: Tx, timer: ReturnTimerPayload, requestId: string | null): Promise<TimerOutcome> {
    const record = await lockRecord(tx, timer.returnId);
    if (
      !record ||
      record.status !== 'shipped_to_vendor' ||
      record.nextChaseDueAt?.toISOString() !== timer.dueAt
    ) {
      return 'nothing';
    }
    const now = this.clock.now();
    const dueAt = new Date(timer.dueAt);
    if (now.getTime() < dueAt.getTime()) {
      // Went off early (a worker whose clock runs ahead): this run's claim commits, so set it again.
      await this.scheduler.chaseAt(tx, record.id, dueAt, requestId);
      return 'early';
    }
    const recipients = await this.clerksOf(tx, record);
    const items = await itemsText(tx, record.id);
    const supplier = record.supplier;
    for (const recipient of recipients) {
      await this.notifications.queueMail(tx, {
        to: recipient.email,
        template: 'return-chase-due',
        params: {
          recipientName: recipient.displayName,
          number: record.number,
          kind: RETURN_KIND_NAMES[record.kind],
          urgent: record.urgent ? 'yes' : 'no',
          supplier: supplier?.name ?? '',
          supplierContact: supplier?.contactName ?? '',
          supplierPhone: supplier?.phone ?? '',
          carrier: record.carrier ?? '',
          trackingNumber: record.trackingNumber ?? '',
          shippedAt: this.at(record.shippedAt),
          dueAt: this.at(dueAt),
          items,
          lastChase: record.lastChasedAt ? this.at(record.lastChasedAt) : '尚无催办记录',
        },
        related: { type: 'return', id: record.id },
        requestId,
      });
    }
    const next = nextChaseDueAfterReminder(dueAt, record.chaseIntervalDays ?? 1, now);
    await tx.update(ReturnEntity, { id: record.id }, { nextChaseDueAt: next });
    await this.scheduler.chaseAt(tx, record.id, next, requestId);
    const details = {
      dueAt: timer.dueAt,
      daysOverdue: daysOverdue(dueAt, now),
      recipients: recipients.map((recipient) => recipient.displayName).join('、') || '（无可通知的返修人员）',
      nextChaseDueAt: next.toISOString(),
    };
    await tx.getRepository(ReturnHistoryEntity).insert({
      returnId: record.id,
      action: 'chase_due',
      fromStatus: record.status,
      toStatus: record.status,
      actorId: null,
      actorName: null,
      at: now,
      reason: null,
      details,
    });
    await this.audit.append(tx, {
      actor: SYSTEM_ACTOR,
      action: 'return.chase_due',
      entityType: 'return',
      entityId: record.id,
      changes: { ...details, recipients: recipients.map((recipient) => recipient.email) },
      requestId,
    });
    return 'reminded';
  }

  /**
   * The goods have been away from the customer past the notice threshold: the customer is told once,
   * by mail, or (with no mail address) a phone call is put on the list. Nothing when already told or
   * when the goods are back with the customer.
   */
  async noticeDue(tx: Tx, timer: ReturnTimerPayload, requestId: string | null): Promise<TimerOutcome> {
    const record = await lockRecord(tx, timer.returnId);
    if (
      !record ||
      record.noticeSentAt !== null ||
      SETTLED_RETURN_STATUSES.includes(record.status) ||
      record.noticeDueAt.toISOString() !== timer.dueAt
    ) {
      return 'nothing';
    }
    const now = this.clock.now();
    if (now.getTime() < record.noticeDueAt.getTime()) {
      await this.scheduler.noticeAt(tx, record.id, record.noticeDueAt, requestId);
      return 'early';
    }
    const customer = await tx.getRepository(CustomerEntity).findOneByOrFail({ id: record.customerId });
    const zone = this.config.companyTimeZone;
    const params = {
      customerName: customer.name,
      number: record.number,
      items: await itemsText(tx, record.id),
      receivedOn: calendarDate(record.receivedAt, zone),
      days: String(Math.floor((now.getTime() - record.receivedAt.getTime()) / DAY_MS)),
      noticeDays: String(Math.round((record.noticeDueAt.getTime() - record.receivedAt.getTime()) / DAY_MS)),
      where: WHERE_THEY_ARE[record.status],
    };
    const related = { type: 'return', id: record.id };
    const message = customer.email
      ? await this.notifications.queueMail(tx, {
          to: customer.email,
          template: 'return-notice',
          params,
          related,
          requestId,
        })
      : await this.notifications.queuePhoneCall(tx, {
          // A company's own line, else its first contact's; with neither, the desk looks the customer up.
          phone: customer.phone ?? customer.contacts.find((contact) => contact.phone)?.phone ?? customer.name,
          template: 'return-notice',
          params,
          related,
        });
    const channel = customer.email ? 'email' : 'phone';
    await tx.update(
      ReturnEntity,
      { id: record.id },
      { noticeSentAt: now, noticeChannel: channel, noticeMessageId: message.id },
    );
    const details = {
      channel,
      recipient: message.recipient,
      messageId: message.id,
      noticeDays: Number(params.noticeDays),
      noticeDueAt: timer.dueAt,
    };
    await tx.getRepository(ReturnHistoryEntity).insert({
      returnId: record.id,
      action: 'notice',
      fromStatus: record.status,
      toStatus: record.status,
      actorId: null,
      actorName: null,
      at: now,
      reason: null,
      details,
    });
    await this.audit.append(tx, {
      actor: SYSTEM_ACTOR,
      action: 'return.customer_noticed',
      entityType: 'return',
      entityId: record.id,
      changes: details,
      requestId,
    });
    return 'noticed';
  }

  /**
   * Who is reminded to chase: the returns clerk who took the goods over, while enabled and reachable
   * by mail; otherwise every returns clerk who may see the record (head office and its outlet).
   */
  private async clerksOf(tx: Tx, record: ReturnEntity): Promise<{ displayName: string; email: string }[]> {
    if (record.registeredBy) {
      const clerk = await tx.getRepository(UserEntity).findOneBy({ id: record.registeredBy });
      if (clerk?.email && !clerk.disabled && clerk.roles.includes('returns_clerk')) {
        return [{ displayName: clerk.displayName, email: clerk.email }];
      }
    }
    return this.users.mailRecipients('returns_clerk', record.outletId);
  }

  private at(instant: Date | null): string {
    return instant ? formatDateTime(instant, this.config.companyTimeZone) : '';
  }
}

/** The record under its row lock (with its supplier), so that a timer and an action apply one after the other. */
async function lockRecord(tx: Tx, id: string): Promise<ReturnEntity | null> {
  const record = await tx
    .getRepository(ReturnEntity)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (record?.supplierId) {
    record.supplier =
      (await tx.getRepository(SupplierEntity).findOneBy({ id: record.supplierId })) ?? undefined;
  }
  return record;
}

async function itemsText(tx: Tx, returnId: string): Promise<string> {
  const items = await tx
    .getRepository(ReturnItemEntity)
    .find({ where: { returnId }, order: { line: 'ASC' } });
  return items
    .map((item) => `${item.description}${item.serialNumber ? `（编号 ${item.serialNumber}）` : ''}`)
    .join('、');
}
