import type { Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { describeError } from '../logging/describe-error';

/** Adds a repeatable job; adding the same schedule again is a no-op, so any number of workers keep one. */
export async function scheduleRepeatable(
  queue: Queue,
  job: string,
  cron: string,
  timeZone: string,
): Promise<void> {
  await queue.add(job, {}, { repeat: { cron, tz: timeZone }, removeOnComplete: 10, removeOnFail: 50 });
}

/**
 * Runs `schedule` whenever the queue's connection becomes ready (at start and after every outage),
 * never waited for: start-up must not hang on a Redis that is away.
 */
export function keepScheduled(queue: Queue, logger: Logger, schedule: () => Promise<void>): void {
  const run = () => {
    schedule().catch((error: unknown) =>
      logger.warn({ err: describeError(error) }, 'Could not schedule a job'),
    );
  };
  queue.client.on('ready', run);
  if (queue.client.status === 'ready') run();
}
