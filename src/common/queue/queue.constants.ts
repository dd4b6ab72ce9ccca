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

/** Returned goods at a vendor: each chase reminder and the customer notice, checked at their due time. */
export const QUEUE_RETURNS = 'returns';
export const JOB_RETURN_CHASE_DUE = 'chase-due';
export const JOB_RETURN_NOTICE_DUE = 'notice-due';

/** Follow-up visits: the daily digest of overdue follow-ups (and inspections) to managers. */
export const QUEUE_FOLLOW_UPS = 'follow-ups';
export const JOB_FOLLOW_UP_DIGEST = 'overdue-digest';
/** Daily, at the start of the working day. */
export const FOLLOW_UP_DIGEST_CRON = '0 8 * * *';

/** Complaints: each acknowledgment and resolution deadline, checked at its due time. */
export const QUEUE_COMPLAINTS = 'complaints';
export const JOB_COMPLAINT_DEADLINE = 'deadline-check';

/** Satisfaction surveys: a campaign's invitations, created and mailed in the background. */
export const QUEUE_SURVEYS = 'surveys';
export const JOB_SURVEY_CAMPAIGN = 'campaign';

export const QUEUE_NAMES = [
  QUEUE_MAIL,
  QUEUE_HOUSEKEEPING,
  QUEUE_EXPIRY,
  QUEUE_TICKETS,
  QUEUE_EXPORTS,
  QUEUE_RETURNS,
  QUEUE_FOLLOW_UPS,
  QUEUE_COMPLAINTS,
  QUEUE_SURVEYS,
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
  'return.chase-due': { queue: QUEUE_RETURNS, job: JOB_RETURN_CHASE_DUE },
  'return.notice-due': { queue: QUEUE_RETURNS, job: JOB_RETURN_NOTICE_DUE },
  'complaint.deadline-check': { queue: QUEUE_COMPLAINTS, job: JOB_COMPLAINT_DEADLINE },
  'survey.campaign': { queue: QUEUE_SURVEYS, job: JOB_SURVEY_CAMPAIGN },
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
