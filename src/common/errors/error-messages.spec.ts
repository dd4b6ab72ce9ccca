import type { ErrorCode } from './domain-error';
import { errorMessage, languageFrom } from './error-messages';

const ALL_CODES: ErrorCode[] = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'VERSION_CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'INTERNAL_ERROR',
];

describe('languageFrom', () => {
  it.each<[string | undefined, 'zh' | 'en']>([
    ['en-US', 'en'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['  en-US', 'en'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    [undefined, 'zh'],
    ['', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-CN,en;q=0.9', 'zh'],
    ['fr-FR', 'zh'],
    ['*', 'zh'],
  ])('maps %p to %s', (header, language) => {
    expect(languageFrom(header)).toBe(language);
  });
});

describe('errorMessage', () => {
  it('gives the Chinese text in Chinese, whatever the English message', () => {
    expect(errorMessage('NOT_FOUND', 'User u1 was not found', 'zh')).toBe('记录不存在');
    expect(errorMessage('INVALID_CREDENTIALS', 'Wrong password', 'zh')).toBe('用户名或密码错误');
    expect(errorMessage('INTERNAL_ERROR', 'Internal error', 'zh')).toBe('服务器内部错误');
  });

  it("uses an error's own Chinese message when it has one, and its English one on request", () => {
    expect(errorMessage('CONFLICT', 'No agreement', 'zh', '缺少有效的服务协议')).toBe('缺少有效的服务协议');
    expect(errorMessage('CONFLICT', 'No agreement', 'en', '缺少有效的服务协议')).toBe('No agreement');
  });

  it('gives the English message in English', () => {
    expect(errorMessage('NOT_FOUND', 'User u1 was not found', 'en')).toBe('User u1 was not found');
    expect(errorMessage('VALIDATION_FAILED', 'Invalid fields: email', 'en')).toBe('Invalid fields: email');
  });

  it('gives the Chinese text for the language of an absent or non-English header', () => {
    expect(errorMessage('FORBIDDEN', 'Forbidden', languageFrom(undefined))).toBe('无权执行此操作');
    expect(errorMessage('FORBIDDEN', 'Forbidden', languageFrom('zh-CN'))).toBe('无权执行此操作');
    expect(errorMessage('FORBIDDEN', 'Forbidden', languageFrom('en-US'))).toBe('Forbidden');
  });

  it.each(ALL_CODES)('has a Chinese text of its own for %s', (code) => {
    const text = errorMessage(code, 'english', 'zh');
    expect(text).not.toBe('english');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has a different Chinese text for every code', () => {
    const texts = ALL_CODES.map((code) => errorMessage(code, 'english', 'zh'));
    expect(new Set(texts).size).toBe(ALL_CODES.length);
  });
});
