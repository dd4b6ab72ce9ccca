import type { JobOptions } from 'bull';

/** Every queue, job and outbox topic of the system, with its retry policy, in one place. */
export const QUEUE_MAIL = 'mail';
export const JOB_SEND_MAIL = 'send';

export const QUEUE_HOUSEKEEPING = 'housekeeping';
export const JOB_PRUNE = 'prune';
/** Daily, at a quiet hour of the company's day. */
export const PRUNE_CRON = '30 3 * * *';

export const QUEUE_EXPIRY = 'expiry';
export const JOB_EXPIRY_SCAN = 'scan';
/** Daily, before the working day starts, so managers find the alerts in the morning. */
export const EXPIRY_SCAN_CRON = '0 7 * * *';

/** Repair tickets: each deadline's check at its due time, and the ticket's domain events. */
export const QUEUE_TICKETS = 'tickets';
export const JOB_TICKET_DEADLINE = 'deadline-check';
export const JOB_TICKET_EVENT = 'event';

/** Evidence exports: each register (later audit pack) built in the background. */
export const QUEUE_EXPORTS = 'exports';
export const JOB_EXPORT_BUILD = 'build';

export const QUEUE_NAMES = [
  QUEUE_MAIL,
  QUEUE_HOUSEKEEPING,
  QUEUE_EXPIRY,
  QUEUE_TICKETS,
  QUEUE_EXPORTS,
] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface TopicRoute {
  queue: QueueName;
  job: string;
}

/** Outbox topics and the queue job each one becomes. */
export const TOPIC_ROUTES = {
  'mail.send': { queue: QUEUE_MAIL, job: JOB_SEND_MAIL },
  'ticket.deadline-check': { queue: QUEUE_TICKETS, job: JOB_TICKET_DEADLINE },
  'ticket.event': { queue: QUEUE_TICKETS, job: JOB_TICKET_EVENT },
  'export.build': { queue: QUEUE_EXPORTS, job: JOB_EXPORT_BUILD },
} as const satisfies Record<string, TopicRoute>;

export type OutboxTopic = keyof typeof TOPIC_ROUTES;

export const JOB_ATTEMPTS = 5;

export function jobOptions(backoffMs: number): JobOptions {
  return {
    attempts: JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: backoffMs },
    // Completed jobs are pruned; failed ones stay until someone looks at them.
    removeOnComplete: 1000,
    removeOnFail: false,
  };
}

/** Every job carries the outbox row it came from (the consumer's idempotency key) and the request that caused it. */
export interface OutboxJobData<P = Record<string, unknown>> {
  outboxId: string;
  topic: OutboxTopic;
  payload: P;
  requestId: string | null;
}
