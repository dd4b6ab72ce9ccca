/** How long a row that could not be handed to its queue waits before the next try: 1 s doubling to 5 min. */
export function dispatchRetryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 5 * 60 * 1000);
}

/**
 * A row handed to its queue but never consumed after this long was lost by the queue (a Redis that
 * restarted without its data): the relay hands it over again. Consumers are idempotent by row.
 */
export const REDELIVER_AFTER_MS = 15 * 60 * 1000;
/** The look for lost jobs is a scan of recent rows: once a minute per worker is plenty. */
export const REDELIVERY_SWEEP_INTERVAL_MS = 60 * 1000;
/** Rows older than this are not redelivered any more; their jobs are long settled one way or the other. */
export const REDELIVER_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
