import {
  STALLED_AFTER_MS,
  exportStorageKey,
  isRetryable,
  progressPercent,
  registerFileName,
  registerSubtitle,
} from './export-jobs';

describe('export jobs', () => {
  it('counts progress in whole percent, holding 99 until the file is stored', () => {
    expect(progressPercent(0, 200)).toBe(0);
    expect(progressPercent(1, 200)).toBe(0);
    expect(progressPercent(3, 200)).toBe(1);
    expect(progressPercent(100, 200)).toBe(50);
    expect(progressPercent(200, 200)).toBe(99);
    // Records added after the count.
    expect(progressPercent(250, 200)).toBe(99);
    expect(progressPercent(5, 0)).toBe(0);
  });

  it('lets a person retry a failed build, or a running one silent for STALLED_AFTER_MS, and nothing else', () => {
    const now = new Date('2026-07-01T10:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(isRetryable('failed', ago(1000), now)).toBe(true);
    expect(isRetryable('failed', null, now)).toBe(true);
    expect(isRetryable('running', ago(STALLED_AFTER_MS), now)).toBe(true);
    expect(isRetryable('running', ago(STALLED_AFTER_MS - 1), now)).toBe(false);
    expect(isRetryable('running', null, now)).toBe(false);
    expect(isRetryable('queued', ago(STALLED_AFTER_MS * 2), now)).toBe(false);
    expect(isRetryable('done', ago(STALLED_AFTER_MS * 2), now)).toBe(false);
  });

  it('names the file by evidence and period, and keys it by export, attempt and a safe form of the name', () => {
    const params = {
      evidence: 'repair-requests',
      from: '2026-01-01',
      to: '2026-06-30',
      format: 'xlsx',
      lang: 'zh',
    } as const;
    const name = registerFileName(params, 'xlsx');
    expect(name).toBe('repair-requests_2026-01-01_2026-06-30.xlsx');
    expect(exportStorageKey('4b1c2d3e-0000-4000-8000-000000000001', 2, name)).toBe(
      '4b1c2d3e-0000-4000-8000-000000000001/2/repair-requests_2026-01-01_2026-06-30-xlsx',
    );
  });

  it('writes the subtitle in the export language', () => {
    const period = { from: '2026-01-01', to: '2026-06-30' };
    expect(registerSubtitle('示例公司', period, '2026-07-01 18:00', 'Asia/Shanghai', 'zh')).toBe(
      '示例公司 · 期间 2026-01-01 至 2026-06-30 · 生成时间 2026-07-01 18:00（Asia/Shanghai）',
    );
    expect(registerSubtitle('ACME', period, '2026-07-01 18:00', 'Asia/Shanghai', 'en')).toBe(
      'ACME · Period 2026-01-01 to 2026-06-30 · Generated 2026-07-01 18:00 (Asia/Shanghai)',
    );
  });
});
