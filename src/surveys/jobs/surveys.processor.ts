import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { consumeOnce } from '../../common/outbox/consume-once';
import { JOB_SURVEY_CAMPAIGN, type OutboxJobData, QUEUE_SURVEYS } from '../../common/queue/queue.constants';
import { type CampaignJobPayload, SurveyCampaignsService } from '../survey-campaigns.service';

/** The surveys queue: each campaign's invitations, created and mailed once however often delivered. */
@Processor(QUEUE_SURVEYS)
export class SurveysProcessor {
  private readonly logger = new Logger(SurveysProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: SurveyCampaignsService,
  ) {}

  @Process(JOB_SURVEY_CAMPAIGN)
  async runCampaign(job: Job<OutboxJobData<CampaignJobPayload>>): Promise<number | null> {
    const { outboxId, payload, requestId } = job.data;
    let invited: number | null = null;
    await consumeOnce(this.dataSource, 'survey-campaign', outboxId, async (tx) => {
      invited = (await this.campaigns.run(tx, payload.campaignId, requestId))?.invited ?? null;
    });
    if (invited !== null) {
      this.logger.log({ requestId, campaignId: payload.campaignId, invited }, 'Survey campaign sent');
    }
    return invited;
  }
}
