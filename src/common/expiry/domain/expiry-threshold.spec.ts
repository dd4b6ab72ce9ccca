import { ExpiryThreshold, expiryThreshold } from './expiry-threshold';

describe('expiryThreshold', () => {
  it.each<[string, ExpiryThreshold | null, string]>([
    ['2026-08-01', null, 'more than 30 days ahead'],
    ['2026-07-02', null, '31 days ahead'],
    ['2026-07-01', 'expiring', 'exactly 30 days ahead'],
    ['2026-06-01', 'expiring', 'the last valid day is today'],
    ['2026-05-31', 'expired', 'the last valid day was yesterday'],
    ['2020-01-01', 'expired', 'long ago'],
  ])('valid until %s, today 2026-06-01: %s (%s)', (validUntil, expected) => {
    expect(expiryThreshold(validUntil, '2026-06-01')).toBe(expected);
  });

  it('honours another warning window', () => {
    expect(expiryThreshold('2026-06-08', '2026-06-01', 7)).toBe('expiring');
    expect(expiryThreshold('2026-06-09', '2026-06-01', 7)).toBeNull();
  });
});
