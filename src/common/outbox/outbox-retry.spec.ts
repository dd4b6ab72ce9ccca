import { dispatchRetryDelayMs } from './outbox-retry';

describe('dispatchRetryDelayMs', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [9, 256_000],
    [10, 300_000],
    [50, 300_000],
  ])('waits after attempt %i for %i ms', (attempts, delay) => {
    expect(dispatchRetryDelayMs(attempts)).toBe(delay);
  });
});
