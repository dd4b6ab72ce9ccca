import { ErrorCode } from './domain-error';

/** What a person reads for each error code: Simplified Chinese by default, English on request. */
const CHINESE: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '请求参数有误，请检查标出的字段',
  MALFORMED_REQUEST: '请求格式不正确',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持此文件类型',
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '连续登录失败次数过多，账户已临时锁定，请稍后再试',
  ACCOUNT_DISABLED: '账户已停用',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '记录不存在',
  ROUTE_NOT_FOUND: '接口不存在',
  CONFLICT: '与现有记录冲突',
  INVALID_TRANSITION: '当前状态下不允许此操作',
  VERSION_CONFLICT: '记录已被他人修改，请刷新后重试',
  RECORD_IN_USE: '该记录已被其他记录引用，不能删除，请改为停用',
  IMPORT_REJECTED: '导入文件有错误，未导入任何数据，请按错误清单修改后重试',
  IDEMPOTENCY_KEY_REUSED: '该幂等键已用于另一个请求',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  QUEUE_UNAVAILABLE: '后台任务服务暂时不可用，请稍后再试',
  INTERNAL_ERROR: '服务器内部错误',
};

export type Language = 'zh' | 'en';

export function languageFrom(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function errorMessage(
  code: ErrorCode,
  englishMessage: string,
  language: Language,
  chineseMessage?: string,
): string {
  return language === 'en' ? englishMessage : (chineseMessage ?? CHINESE[code]);
}
