/** The validated, typed configuration. Nothing outside this folder reads process.env. */
export type ProcessRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  nodeEnv: string;
  port: number;
  role: ProcessRole;
  databaseUrl: string;
  redisUrl: string;
  /** Prefix for every Redis key this process writes (Bull queues), so deployments and tests can share a server. */
  redisPrefix: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  smtpUrl: string | null;
  mailFrom: string;
  dataDir: string;
  companyTimeZone: string;
  /** The company's name as exports and the audit pack print it. */
  companyName: string;
  adminUsername: string | null;
  adminPassword: string | null;
  logLevel: string;
  /** Base delay of the exponential retry backoff of background jobs. */
  jobBackoffMs: number;
  /** How often the outbox relay looks for rows that still wait for delivery. */
  outboxPollMs: number;
  /** 32-byte key that encrypts personal data at rest (national ID numbers). */
  piiKey: Buffer;
  /** Largest attachment or import file accepted, in bytes. */
  uploadMaxBytes: number;
  /** Where customers reach this system from outside (survey answer links), without a trailing slash. */
  publicUrl: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

export const DEFAULT_JWT_SECRET = 'dev-only-secret-change-me';
/** Development-only personal-data key (64 hex digits); production must bring its own. */
export const DEFAULT_PII_KEY = '6465762d6f6e6c792d7069692d6b65792d6368616e67652d6d652d706c656173';
const MIN_PRODUCTION_SECRET_LENGTH = 32;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function urlWithProtocol(
  env: Env,
  name: string,
  fallback: string | null,
  protocols: string[],
): string | null {
  const value = read(env, name) ?? fallback;
  if (value === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `"${redactUrl(value)}" is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = read(env, name) ?? fallback;
  if (!allowed.includes(raw as T)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function timeZone(env: Env, name: string, fallback: string): string {
  const raw = read(env, name) ?? fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    throw new ConfigError(name, `"${raw}" is not an IANA time zone`);
  }
  return raw;
}

function jwtSecret(env: Env, nodeEnv: string): string {
  const raw = read(env, 'JWT_SECRET');
  if (nodeEnv !== 'production') return raw ?? DEFAULT_JWT_SECRET;
  if (raw === undefined || raw === DEFAULT_JWT_SECRET) {
    throw new ConfigError('JWT_SECRET', 'must be set to a secret of your own in production');
  }
  if (raw.length < MIN_PRODUCTION_SECRET_LENGTH) {
    throw new ConfigError(
      'JWT_SECRET',
      `must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production`,
    );
  }
  return raw;
}

function piiKey(env: Env, nodeEnv: string): Buffer {
  const raw = read(env, 'PII_KEY');
  if (nodeEnv === 'production' && (raw === undefined || raw === DEFAULT_PII_KEY)) {
    throw new ConfigError('PII_KEY', 'must be set to a key of your own in production (openssl rand -hex 32)');
  }
  const value = raw ?? DEFAULT_PII_KEY;
  if (!/^[0-9a-fA-F]{64}$/.test(value)) {
    throw new ConfigError(
      'PII_KEY',
      'must be 64 hexadecimal digits (32 bytes), e.g. from openssl rand -hex 32',
    );
  }
  return Buffer.from(value, 'hex');
}

/** A URL fit for a log line or an error message: any password replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    // Unparseable: hide everything between the scheme and the last @, where credentials would be.
    return url.replace(/\/\/.*@/, '//***@');
  }
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env): AppConfig {
  const nodeEnv = read(env, 'NODE_ENV') ?? 'development';
  const adminUsername = read(env, 'ADMIN_USERNAME') ?? null;
  const adminPassword = read(env, 'ADMIN_PASSWORD') ?? null;
  if (adminUsername !== null && adminPassword === null) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be set when ADMIN_USERNAME is set');
  }
  if (adminPassword !== null && adminUsername === null) {
    throw new ConfigError('ADMIN_USERNAME', 'must be set when ADMIN_PASSWORD is set');
  }
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 8 characters');
  }
  const redisPrefix = read(env, 'REDIS_PREFIX') ?? 'aftersales';
  if (!/^[A-Za-z0-9_:.-]{1,64}$/.test(redisPrefix)) {
    throw new ConfigError('REDIS_PREFIX', 'must be 1-64 letters, digits or _ : . -');
  }
  const databaseUrl = urlWithProtocol(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/aftersales', [
    'postgres:',
    'postgresql:',
  ]) as string;
  splitDatabaseUrl(databaseUrl);
  const port = integer(env, 'PORT', 3000, 1, 65535);
  return {
    nodeEnv,
    port,
    role: oneOf(env, 'ROLE', 'all', ['all', 'api', 'worker'] as const),
    databaseUrl,
    redisUrl: urlWithProtocol(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']) as string,
    redisPrefix,
    jwtSecret: jwtSecret(env, nodeEnv),
    jwtExpiresIn: oneOfPattern(
      env,
      'JWT_EXPIRES_IN',
      '8h',
      /^\d+[smhd]$/,
      'a duration such as 30m, 8h or 1d',
    ),
    smtpUrl: urlWithProtocol(env, 'SMTP_URL', null, ['smtp:', 'smtps:']),
    mailFrom: mailFrom(env),
    dataDir: read(env, 'DATA_DIR') ?? './data',
    companyTimeZone: timeZone(env, 'TZ_COMPANY', 'Asia/Shanghai'),
    companyName: read(env, 'COMPANY_NAME') ?? '售后服务中心',
    adminUsername,
    adminPassword,
    logLevel: oneOf(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', LOG_LEVELS),
    jobBackoffMs: integer(env, 'JOB_BACKOFF_MS', 5000, 1, 3_600_000),
    outboxPollMs: integer(env, 'OUTBOX_POLL_MS', 1000, 10, 600_000),
    piiKey: piiKey(env, nodeEnv),
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_MB', 20, 1, 1024) * 1024 * 1024,
    publicUrl: (
      urlWithProtocol(env, 'PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']) as string
    ).replace(/\/+$/, ''),
  };
}

const ADDRESS = '[^<>@\\s]+@[^<>@\\s]+';
const MAIL_FROM_PATTERN = new RegExp(`^(${ADDRESS}|[^<>]*<${ADDRESS}>)$`);

function mailFrom(env: Env): string {
  const raw = read(env, 'MAIL_FROM') ?? '售后服务系统 <noreply@aftersales.local>';
  if (!MAIL_FROM_PATTERN.test(raw)) {
    throw new ConfigError('MAIL_FROM', `must be an address or "Name <address>", got "${raw}"`);
  }
  return raw;
}

function oneOfPattern(env: Env, name: string, fallback: string, pattern: RegExp, what: string): string {
  const raw = read(env, name) ?? fallback;
  if (!pattern.test(raw)) throw new ConfigError(name, `must be ${what}, got "${raw}"`);
  return raw;
}

/** Database name from a PostgreSQL URL, and the URL of the server's maintenance database. */
export function splitDatabaseUrl(databaseUrl: string): { database: string; maintenanceUrl: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) {
    throw new ConfigError('DATABASE_URL', 'must name a database of letters, digits and _');
  }
  url.pathname = '/postgres';
  return { database, maintenanceUrl: url.toString() };
}
