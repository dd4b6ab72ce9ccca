import { createHash } from 'node:crypto';
import { describeDraw, drawSample } from './sampling';

const IDS = Array.from({ length: 40 }, (_, i) => `RT-2026-${String(i + 1).padStart(6, '0')}`);
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

function shuffled<T>(items: readonly T[], seed: number): T[] {
  // A fixed permutation (linear congruential), so the test does not depend on Math.random.
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('drawSample', () => {
  it('draws the same records whatever order the ids come in', () => {
    const sample = drawSample(IDS, 4, 'audit-2026');
    expect(sample).toHaveLength(4);
    expect(drawSample(shuffled(IDS, 7), 4, 'audit-2026')).toEqual(sample);
    expect(drawSample([...IDS].reverse(), 4, 'audit-2026')).toEqual(sample);
  });

  it('takes the ids with the smallest SHA-256 of seed:id, smallest first', () => {
    const digest = (id: string) => createHash('sha256').update(`audit-2026:${id}`).digest('hex');
    const expected = [...IDS].sort((a, b) => (digest(a) < digest(b) ? -1 : 1)).slice(0, 4);
    expect(drawSample(IDS, 4, 'audit-2026')).toEqual(expected);
  });

  it('draws different records with a different seed', () => {
    expect(drawSample(IDS, 4, 'audit-2027')).not.toEqual(drawSample(IDS, 4, 'audit-2026'));
  });

  it('a larger sample extends the smaller one', () => {
    expect(drawSample(IDS, 6, 'audit-2026').slice(0, 4)).toEqual(drawSample(IDS, 4, 'audit-2026'));
  });

  it('returns every record when the sample is as large as the population', () => {
    const all = drawSample(IDS.slice(0, 3), 4, 'audit-2026');
    expect([...all].sort()).toEqual(IDS.slice(0, 3));
    expect(drawSample(IDS, IDS.length, 's')).toHaveLength(IDS.length);
  });

  it('returns nothing for a sample of 0 or an empty population', () => {
    expect(drawSample(IDS, 0, 'audit-2026')).toEqual([]);
    expect(drawSample([], 4, 'audit-2026')).toEqual([]);
  });

  it('counts a repeated id once', () => {
    expect(drawSample(['a', 'a', 'b'], 4, 's').sort()).toEqual(['a', 'b']);
  });

  it.each([-1, 1.5, Number.NaN])('refuses a sample size of %p', (size) => {
    expect(() => drawSample(IDS, size, 's')).toThrow(RangeError);
  });
});

describe('describeDraw', () => {
  it('explains the seeded draw in Chinese with the seed, the counts and the period', () => {
    const text = describeDraw({
      period: PERIOD,
      population: 40,
      size: 4,
      seed: 'audit-2026',
      language: 'zh',
    });
    expect(text).toContain('2026-01-01 至 2026-12-31');
    expect(text).toContain('共 40 份');
    expect(text).toContain('“audit-2026”');
    expect(text).toContain('SHA-256');
    expect(text).toContain('取前 4 份');
  });

  it('explains it in English on request', () => {
    const text = describeDraw({
      period: PERIOD,
      population: 40,
      size: 4,
      seed: 'audit-2026',
      language: 'en',
    });
    expect(text).toContain('holds 40 record(s)');
    expect(text).toContain('"audit-2026"');
    expect(text).toContain('the first 4 were taken');
  });

  it('says every record is included when there are no more than the sample size', () => {
    expect(describeDraw({ period: PERIOD, population: 3, size: 4, seed: 's', language: 'zh' })).toContain(
      '全部提供',
    );
    expect(describeDraw({ period: PERIOD, population: 0, size: 4, seed: 's', language: 'en' })).toContain(
      'every record is included',
    );
  });
});
