import { Clock } from '../../src/common/clock';

/** A clock the test moves by hand. */
export class TestClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Moves the clock to the given moment; it keeps ticking from there. */
  setTo(moment: Date | string): void {
    this.offsetMs = new Date(moment).getTime() - Date.now();
  }
}
