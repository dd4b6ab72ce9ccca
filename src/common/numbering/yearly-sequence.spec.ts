import { formatRecordNumber } from './yearly-sequence';

describe('formatRecordNumber', () => {
  it.each<[string, number, number, string]>([
    ['RT', 2026, 1, 'RT2026-000001'],
    ['RT', 2026, 42, 'RT2026-000042'],
    ['RT', 2027, 999_999, 'RT2027-999999'],
    ['RT', 2026, 1_234_567, 'RT2026-1234567'],
  ])('%s %i no. %i → %s', (series, year, sequence, expected) => {
    expect(formatRecordNumber(series, year, sequence)).toBe(expected);
  });
});
