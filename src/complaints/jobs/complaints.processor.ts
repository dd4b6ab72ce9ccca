import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { consumeOnce } from '../../common/outbox/consume-once';
import {
  JOB_COMPLAINT_DEADLINE,
  type OutboxJobData,
  QUEUE_COMPLAINTS,
} from '../../common/queue/queue.constants';
import { type ComplaintDeadlineCheck, ComplaintEscalationsService } from '../complaint-escalations.service';

/** The complaints queue: each step's deadline checked at its due time, escalated to the managers when missed. */
@Processor(QUEUE_COMPLAINTS)
export class ComplaintsProcessor {
  private readonly logger = new Logger(ComplaintsProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly escalations: ComplaintEscalationsService,
  ) {}

  /** Answers whether this run escalated; a second delivery of the same row does nothing. */
  @Process(JOB_COMPLAINT_DEADLINE)
  async checkDeadline(job: Job<OutboxJobData<ComplaintDeadlineCheck>>): Promise<boolean> {
    const { outboxId, payload, requestId } = job.data;
    let escalated = false;
    await consumeOnce(this.dataSource, 'complaint-deadline', outboxId, async (tx) => {
      escalated = await this.escalations.check(tx, payload, requestId);
    });
    if (escalated) {
      this.logger.log(
        { requestId, complaintId: payload.complaintId, step: payload.step },
        'Complaint escalated',
      );
    }
    return escalated;
  }
}
