import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { JOB_SEND_MAIL, OutboxJobData, QUEUE_MAIL } from '../../queue/queue.constants';
import { NotificationService } from '../notification.service';

@Processor(QUEUE_MAIL)
export class MailProcessor {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(private readonly notifications: NotificationService) {}

  @Process(JOB_SEND_MAIL)
  async send(job: Job<OutboxJobData<{ messageId: string }>>): Promise<string> {
    const { payload, requestId, outboxId } = job.data;
    const outcome = await this.notifications.deliver(
      outboxId,
      payload.messageId,
      job.attemptsMade + 1,
      job.opts.attempts ?? 1,
    );
    this.logger.log({ requestId, outboxId, messageId: payload.messageId, outcome }, 'Mail job done');
    return outcome;
  }
}
