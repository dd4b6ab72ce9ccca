import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { JOB_EXPORT_BUILD, type OutboxJobData, QUEUE_EXPORTS } from '../../common/queue/queue.constants';
import { type BuildOutcome, ExportBuildService } from '../export-build.service';

export interface ExportBuildPayload {
  exportId: string;
}

/** The exports queue: one build per requested (or retried) export; see ExportBuildService for failures. */
@Processor(QUEUE_EXPORTS)
export class ExportsProcessor {
  constructor(private readonly builds: ExportBuildService) {}

  @Process(JOB_EXPORT_BUILD)
  build(job: Job<OutboxJobData<ExportBuildPayload>>): Promise<BuildOutcome | null> {
    const { outboxId, payload, requestId } = job.data;
    return this.builds.build(payload.exportId, { outboxId, requestId });
  }
}
