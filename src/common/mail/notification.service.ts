import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../auth/authenticated-user';
import { AuditService, SYSTEM_ACTOR } from '../../audit/audit.service';
import { Tx, inTransaction } from '../database/transaction';
import { Page, fetchPage } from '../http/pagination';
import { ListMessagesQueryDto } from './dto/message.dto';
import type { Language } from '../errors/error-messages';
import { consumeOnce } from '../outbox/consume-once';
import { OutboxService } from '../outbox/outbox.service';
import { MailTransport } from './mail-transport';
import { MailTemplate, renderMail } from './mail-templates';
import { MessageEntity, type MessageStatus } from './message.entity';

export interface MailRequest {
  to: string;
  template: MailTemplate;
  params: Record<string, string>;
  language?: Language;
  related?: { type: string; id: string };
  requestId?: string | null;
}

/** A notice given by phone: the number to call instead of a mail address. */
export interface PhoneCallRequest extends Omit<MailRequest, 'to' | 'requestId'> {
  phone: string;
}

export type SendOutcome = 'sent' | 'already-sent';

const MAIL_CONSUMER = 'mail';

/**
 * The one way the system notifies people. A message is rendered and recorded when the business
 * change commits, and sent afterwards by the mail queue; other channels (SMS, WeChat) join here.
 */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly transport: MailTransport,
    private readonly audit: AuditService,
  ) {}

  async queueMail(tx: Tx, request: MailRequest): Promise<MessageEntity> {
    const message = await record(tx, request, { channel: 'email', recipient: request.to, status: 'queued' });
    await this.outbox.add(
      tx,
      'mail.send',
      { messageId: message.id },
      { requestId: request.requestId ?? null },
    );
    return message;
  }

  /**
   * A notice for someone who has no mail address: recorded like a mail (the same rendered text is what
   * the caller says), as a call a person is to make. No job sends it; recordCallMade marks it made.
   */
  queuePhoneCall(tx: Tx, request: PhoneCallRequest): Promise<MessageEntity> {
    return record(tx, request, { channel: 'phone', recipient: request.phone, status: 'to_call' });
  }

  /** The call of a queuePhoneCall message was made at `calledAt`; false when it was not one still to make. */
  async recordCallMade(tx: Tx, messageId: string, calledAt: Date): Promise<boolean> {
    const result = await tx.update(
      MessageEntity,
      { id: messageId, channel: 'phone', status: 'to_call' },
      { status: 'called', sentAt: calledAt, attempts: 1 },
    );
    return result.affected === 1;
  }

  async list(query: ListMessagesQueryDto): Promise<Page<MessageEntity>> {
    const q = this.dataSource.getRepository(MessageEntity).createQueryBuilder('m');
    if (query.status) q.andWhere('m.status = :status', { status: query.status });
    if (query.relatedType) q.andWhere('m.relatedType = :relatedType', { relatedType: query.relatedType });
    if (query.relatedId) q.andWhere('m.relatedId = :relatedId', { relatedId: query.relatedId });
    return fetchPage(q.orderBy('m.createdAt', 'DESC'), query);
  }

  /** Queues a test message so an admin can check the mail settings end to end. */
  sendTestMail(to: string, language: Language, context: RequestContext): Promise<MessageEntity> {
    return inTransaction(this.dataSource, async (tx) => {
      const message = await this.queueMail(tx, {
        to,
        template: 'test-mail',
        params: { requestedBy: context.user.username },
        language,
        requestId: context.requestId,
      });
      await this.audit.append(tx, {
        actor: { id: context.user.id, username: context.user.username },
        action: 'message.test_queued',
        entityType: 'message',
        entityId: message.id,
        changes: { to },
        requestId: context.requestId,
      });
      return message;
    });
  }

  /**
   * Sends the message an outbox row asked for, once per row (see consumeOnce) and once per message
   * (a message already sent is not sent again). On error the attempt is recorded and the error
   * rethrown for the queue to retry; the last allowed attempt marks the message failed.
   */
  async deliver(
    outboxId: string,
    messageId: string,
    attempt: number,
    maxAttempts: number,
  ): Promise<SendOutcome> {
    try {
      let outcome: SendOutcome = 'already-sent';
      await consumeOnce(this.dataSource, MAIL_CONSUMER, outboxId, async (tx) => {
        const message = await tx
          .getRepository(MessageEntity)
          .findOne({ where: { id: messageId }, lock: { mode: 'pessimistic_write' } });
        if (!message || message.status === 'sent') return;
        const transportId = await this.transport.send({
          to: message.recipient,
          subject: message.subject,
          text: message.body,
          messageId: message.id,
        });
        const sentAt = new Date();
        await tx.update(
          MessageEntity,
          { id: message.id },
          { status: 'sent', sentAt, attempts: attempt, error: null, transportId: transportId.slice(0, 300) },
        );
        await this.audit.append(tx, {
          actor: SYSTEM_ACTOR,
          action: 'message.sent',
          entityType: 'message',
          entityId: message.id,
          changes: { status: { from: message.status, to: 'sent' }, attempts: attempt },
        });
        outcome = 'sent';
      });
      return outcome;
    } catch (error) {
      await this.recordFailedAttempt(messageId, attempt, attempt >= maxAttempts, error);
      throw error;
    }
  }

  private async recordFailedAttempt(
    messageId: string,
    attempt: number,
    final: boolean,
    error: unknown,
  ): Promise<void> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await inTransaction(this.dataSource, async (tx) => {
      await tx.update(
        MessageEntity,
        { id: messageId },
        { status: final ? 'failed' : 'queued', attempts: attempt, error: reason },
      );
      if (final) {
        await this.audit.append(tx, {
          actor: SYSTEM_ACTOR,
          action: 'message.failed',
          entityType: 'message',
          entityId: messageId,
          changes: { status: { from: 'queued', to: 'failed' }, attempts: attempt, error: reason },
        });
      }
    });
  }
}

/** A notice rendered in its language and kept in the messages register, on the channel it goes by. */
function record(
  tx: Tx,
  request: Omit<MailRequest, 'to'>,
  how: { channel: 'email' | 'phone'; recipient: string; status: MessageStatus },
): Promise<MessageEntity> {
  const language = request.language ?? 'zh';
  const rendered = renderMail(request.template, language, request.params);
  return tx.getRepository(MessageEntity).save(
    tx.getRepository(MessageEntity).create({
      ...how,
      subject: rendered.subject,
      body: rendered.text,
      template: request.template,
      language,
      relatedType: request.related?.type ?? null,
      relatedId: request.related?.id ?? null,
    }),
  );
}
