import { Clock } from '../../src/common/clock';

/**
 * The application's clock while the seed runs: real time, except while a demo story is told, when it
 * runs on from the story's moment, so that accepting a job "last Tuesday at 09:40" is stamped then.
 * It is only ever set back: the API refuses what lies in the future, and so does this clock.
 */
export class SeedClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on the time runs on from `at`; null: real time again. */
  set(at: Date | null): void {
    const offsetMs = at === null ? 0 : at.getTime() - Date.now();
    if (offsetMs > 0) throw new Error(`Demo time ${at?.toISOString()} lies in the future`);
    this.offsetMs = offsetMs;
  }
}
