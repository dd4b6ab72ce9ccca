import {
  ConfigError,
  DEFAULT_JWT_SECRET,
  DEFAULT_PII_KEY,
  loadConfig,
  redactUrl,
  splitDatabaseUrl,
} from './config';

type Env = Record<string, string | undefined>;

/** The ConfigError loadConfig throws for this env; fails the test on no error or another kind of error. */
function configErrorOf(env: Env): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

const LONG_SECRET = 'x'.repeat(32);
const OWN_KEY = '0123456789abcdef'.repeat(4);

describe('loadConfig', () => {
  describe('defaults', () => {
    it('fills every setting from an empty environment', () => {
      expect(loadConfig({})).toEqual({
        nodeEnv: 'development',
        port: 3000,
        role: 'all',
        databaseUrl: 'postgres://postgres@127.0.0.1:5432/aftersales',
        redisUrl: 'redis://127.0.0.1:6379',
        redisPrefix: 'aftersales',
        jwtSecret: DEFAULT_JWT_SECRET,
        jwtExpiresIn: '8h',
        smtpUrl: null,
        mailFrom: '售后服务系统 <noreply@aftersales.local>',
        dataDir: './data',
        companyTimeZone: 'Asia/Shanghai',
        companyName: '售后服务中心',
        adminUsername: null,
        adminPassword: null,
        logLevel: 'info',
        jobBackoffMs: 5000,
        outboxPollMs: 1000,
        piiKey: Buffer.from(DEFAULT_PII_KEY, 'hex'),
        uploadMaxBytes: 20 * 1024 * 1024,
        publicUrl: 'http://localhost:3000',
      });
    });

    it('treats empty and blank variables as unset', () => {
      const config = loadConfig({ PORT: '', ROLE: '   ', DATABASE_URL: ' ', SMTP_URL: '', TZ_COMPANY: '\t' });
      expect(config.port).toBe(3000);
      expect(config.role).toBe('all');
      expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/aftersales');
      expect(config.smtpUrl).toBeNull();
      expect(config.companyTimeZone).toBe('Asia/Shanghai');
    });

    it('defaults the log level to silent under NODE_ENV=test', () => {
      expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    });
  });

  describe('accepted values', () => {
    it('reads every variable, trimming surrounding blanks', () => {
      const config = loadConfig({
        NODE_ENV: 'staging',
        PORT: ' 8080 ',
        ROLE: 'worker',
        DATABASE_URL: 'postgresql://app:pw@db.internal:6543/after_sales_2',
        REDIS_URL: 'rediss://cache.internal:6380',
        REDIS_PREFIX: 'test:run-1.a_b',
        JWT_SECRET: 'my-dev-secret',
        JWT_EXPIRES_IN: '30m',
        SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
        MAIL_FROM: 'Service <svc@example.com>',
        DATA_DIR: '/var/lib/aftersales',
        TZ_COMPANY: 'Europe/Berlin',
        COMPANY_NAME: '上海某某电器有限公司',
        ADMIN_USERNAME: 'root',
        ADMIN_PASSWORD: '12345678',
        LOG_LEVEL: 'debug',
        JOB_BACKOFF_MS: '250',
        OUTBOX_POLL_MS: '10',
        PII_KEY: 'AB'.repeat(32),
        UPLOAD_MAX_MB: '5',
        PUBLIC_URL: 'https://service.example.com/',
      });
      expect(config).toEqual({
        nodeEnv: 'staging',
        port: 8080,
        role: 'worker',
        databaseUrl: 'postgresql://app:pw@db.internal:6543/after_sales_2',
        redisUrl: 'rediss://cache.internal:6380',
        redisPrefix: 'test:run-1.a_b',
        jwtSecret: 'my-dev-secret',
        jwtExpiresIn: '30m',
        smtpUrl: 'smtps://mailer:pw@smtp.example.com:465',
        mailFrom: 'Service <svc@example.com>',
        dataDir: '/var/lib/aftersales',
        companyTimeZone: 'Europe/Berlin',
        companyName: '上海某某电器有限公司',
        adminUsername: 'root',
        adminPassword: '12345678',
        logLevel: 'debug',
        jobBackoffMs: 250,
        outboxPollMs: 10,
        piiKey: Buffer.alloc(32, 0xab),
        uploadMaxBytes: 5 * 1024 * 1024,
        publicUrl: 'https://service.example.com',
      });
    });

    it.each([
      ['1', 1],
      ['65535', 65535],
      ['0080', 80],
    ])('accepts PORT=%s', (raw, port) => {
      expect(loadConfig({ PORT: raw }).port).toBe(port);
    });

    it.each(['all', 'api', 'worker'])('accepts ROLE=%s', (role) => {
      expect(loadConfig({ ROLE: role }).role).toBe(role);
    });

    it.each(['smtp://localhost:1025', 'smtps://user:pw@mail.example.com'])('accepts SMTP_URL=%s', (url) => {
      expect(loadConfig({ SMTP_URL: url }).smtpUrl).toBe(url);
    });

    it.each(['10s', '30m', '8h', '1d', '365d'])('accepts JWT_EXPIRES_IN=%s', (value) => {
      expect(loadConfig({ JWT_EXPIRES_IN: value }).jwtExpiresIn).toBe(value);
    });

    it.each(['UTC', 'America/New_York', 'Asia/Kolkata'])('accepts TZ_COMPANY=%s', (zone) => {
      expect(loadConfig({ TZ_COMPANY: zone }).companyTimeZone).toBe(zone);
    });

    it('accepts a REDIS_PREFIX of exactly 64 characters', () => {
      expect(loadConfig({ REDIS_PREFIX: 'p'.repeat(64) }).redisPrefix).toBe('p'.repeat(64));
    });

    it('accepts an ADMIN_PASSWORD of exactly 8 characters', () => {
      expect(loadConfig({ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'abcdefgh' }).adminPassword).toBe(
        'abcdefgh',
      );
    });
  });

  describe('malformed variables', () => {
    it.each<[string, Env]>([
      ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
      ['DATABASE_URL', { DATABASE_URL: 'mysql://x/y' }],
      ['DATABASE_URL', { DATABASE_URL: 'http://127.0.0.1:5432/aftersales' }],
      ['DATABASE_URL', { DATABASE_URL: 'postgres://127.0.0.1:5432' }],
      ['DATABASE_URL', { DATABASE_URL: 'postgres://127.0.0.1:5432/after-sales' }],
      ['PORT', { PORT: 'abc' }],
      ['PORT', { PORT: '0' }],
      ['PORT', { PORT: '65536' }],
      ['PORT', { PORT: '-1' }],
      ['PORT', { PORT: '80.5' }],
      ['PORT', { PORT: '1e3' }],
      ['ROLE', { ROLE: 'scheduler' }],
      ['ROLE', { ROLE: 'API' }],
      ['TZ_COMPANY', { TZ_COMPANY: 'Mars/Olympus_Mons' }],
      ['TZ_COMPANY', { TZ_COMPANY: '+08:00' }],
      ['SMTP_URL', { SMTP_URL: 'http://mail.example.com' }],
      ['SMTP_URL', { SMTP_URL: 'mail.example.com' }],
      ['REDIS_URL', { REDIS_URL: 'http://127.0.0.1:6379' }],
      ['REDIS_URL', { REDIS_URL: 'localhost' }],
      ['REDIS_PREFIX', { REDIS_PREFIX: 'has space' }],
      ['REDIS_PREFIX', { REDIS_PREFIX: 'a/b' }],
      ['REDIS_PREFIX', { REDIS_PREFIX: 'p'.repeat(65) }],
      ['ADMIN_PASSWORD', { ADMIN_USERNAME: 'admin' }],
      ['ADMIN_PASSWORD', { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: '   ' }],
      ['ADMIN_PASSWORD', { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: '1234567' }],
      ['ADMIN_USERNAME', { ADMIN_PASSWORD: 'long-enough-pw' }],
      ['JWT_EXPIRES_IN', { JWT_EXPIRES_IN: '8' }],
      ['JWT_EXPIRES_IN', { JWT_EXPIRES_IN: '8w' }],
      ['JWT_EXPIRES_IN', { JWT_EXPIRES_IN: '1.5h' }],
      ['JWT_EXPIRES_IN', { JWT_EXPIRES_IN: 'h' }],
      ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
      ['JOB_BACKOFF_MS', { JOB_BACKOFF_MS: '0' }],
      ['JOB_BACKOFF_MS', { JOB_BACKOFF_MS: '3600001' }],
      ['OUTBOX_POLL_MS', { OUTBOX_POLL_MS: '9' }],
      ['OUTBOX_POLL_MS', { OUTBOX_POLL_MS: '600001' }],
    ])('throws a ConfigError naming %s for %j', (variable, env) => {
      const error = configErrorOf(env);
      expect(error).toBeInstanceOf(Error);
      expect(error.variable).toBe(variable);
      expect(error.message.startsWith(`${variable}: `)).toBe(true);
    });

    it('quotes the bad value in the message', () => {
      expect(configErrorOf({ PORT: 'abc' }).message).toBe(
        'PORT: must be a whole number from 1 to 65535, got "abc"',
      );
      expect(configErrorOf({ ROLE: 'x' }).message).toBe('ROLE: must be one of all, api, worker, got "x"');
      expect(configErrorOf({ TZ_COMPANY: 'Nowhere/Land' }).message).toContain('"Nowhere/Land"');
    });

    it('names the allowed protocols when the protocol is wrong', () => {
      expect(configErrorOf({ DATABASE_URL: 'mysql://x/y' }).message).toBe(
        'DATABASE_URL: must start with postgres:// or postgresql://',
      );
      expect(configErrorOf({ SMTP_URL: 'http://x' }).message).toBe(
        'SMTP_URL: must start with smtp:// or smtps://',
      );
    });

    it('does not echo the password of an unparseable URL', () => {
      const error = configErrorOf({ DATABASE_URL: 'postgres://app:s3cret@db host/aftersales' });
      expect(error.variable).toBe('DATABASE_URL');
      expect(error.message).not.toContain('s3cret');
      expect(error.message).toContain('***@');
    });
  });

  describe('PII_KEY', () => {
    it.each<[string, Env]>([
      ['missing', {}],
      ['the development default', { PII_KEY: DEFAULT_PII_KEY }],
    ])('is refused in production when %s', (_case, env) => {
      const error = configErrorOf({ NODE_ENV: 'production', JWT_SECRET: LONG_SECRET, ...env });
      expect(error.variable).toBe('PII_KEY');
    });

    it.each(['abc', 'g'.repeat(64), 'a'.repeat(63), 'a'.repeat(66)])(
      'refuses %s as not 32 bytes of hex',
      (key) => {
        expect(configErrorOf({ PII_KEY: key }).variable).toBe('PII_KEY');
      },
    );

    it('is accepted in production when the key is its own', () => {
      const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: LONG_SECRET, PII_KEY: OWN_KEY });
      expect(config.piiKey.toString('hex')).toBe(OWN_KEY);
    });
  });

  describe('UPLOAD_MAX_MB', () => {
    it.each(['0', '1025', '2.5', 'ten'])('refuses %s', (value) => {
      expect(configErrorOf({ UPLOAD_MAX_MB: value }).variable).toBe('UPLOAD_MAX_MB');
    });
  });

  describe('JWT_SECRET', () => {
    it.each<[string, Env]>([
      ['missing', {}],
      ['blank', { JWT_SECRET: '   ' }],
      ['the development default', { JWT_SECRET: DEFAULT_JWT_SECRET }],
      ['31 characters long', { JWT_SECRET: 'x'.repeat(31) }],
      ['short once trimmed', { JWT_SECRET: ` ${'x'.repeat(30)} ` }],
    ])('is refused in production when %s', (_case, env) => {
      const error = configErrorOf({ NODE_ENV: 'production', ...env });
      expect(error.variable).toBe('JWT_SECRET');
      expect(error.message).toMatch(/^JWT_SECRET: .*production/);
    });

    it('is accepted in production when at least 32 characters long', () => {
      expect(
        loadConfig({ NODE_ENV: 'production', JWT_SECRET: LONG_SECRET, PII_KEY: OWN_KEY }).jwtSecret,
      ).toBe(LONG_SECRET);
      const longer = 'k'.repeat(64);
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: longer, PII_KEY: OWN_KEY }).jwtSecret).toBe(
        longer,
      );
    });

    it.each(['development', 'test', 'staging'])('falls back to the default under NODE_ENV=%s', (nodeEnv) => {
      expect(loadConfig({ NODE_ENV: nodeEnv }).jwtSecret).toBe(DEFAULT_JWT_SECRET);
      expect(loadConfig({ NODE_ENV: nodeEnv, JWT_SECRET: DEFAULT_JWT_SECRET }).jwtSecret).toBe(
        DEFAULT_JWT_SECRET,
      );
    });

    it('accepts a short secret outside production', () => {
      expect(loadConfig({ JWT_SECRET: 'short' }).jwtSecret).toBe('short');
    });
  });
});

describe('ConfigError', () => {
  it('carries the variable and prefixes the message with it', () => {
    const error = new ConfigError('PORT', 'is wrong');
    expect(error).toBeInstanceOf(Error);
    expect(error.variable).toBe('PORT');
    expect(error.message).toBe('PORT: is wrong');
  });
});

describe('redactUrl', () => {
  it.each([
    ['postgres://app:s3cret@db:5432/aftersales', 'postgres://app:***@db:5432/aftersales'],
    ['redis://user:pw@127.0.0.1:6379/0', 'redis://user:***@127.0.0.1:6379/0'],
    ['smtps://mailer:p%40ss@smtp.example.com:465', 'smtps://mailer:***@smtp.example.com:465'],
  ])('hides the password of %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });

  it.each([
    'postgres://postgres@127.0.0.1:5432/aftersales',
    'redis://127.0.0.1:6379',
    'postgres://db:5432/aftersales',
    'not a url',
    'postgres://app:@db/aftersales',
  ])('leaves %s without a password unchanged', (url) => {
    expect(redactUrl(url)).toBe(url);
  });

  it.each([
    ['redis://:secret@host:6379', 'secret'],
    ['postgres://u:pa/ss@h/db', 'pa/ss'],
    ['postgres://u:p@ss@h/db', 'ss'],
  ])('leaves nothing of an awkward password in %s', (url, password) => {
    expect(redactUrl(url)).not.toContain(password);
    expect(redactUrl(url)).toContain('***');
  });
});

describe('splitDatabaseUrl', () => {
  it('returns the database name and the maintenance URL of the same server', () => {
    expect(splitDatabaseUrl('postgres://app:pw@db.internal:6543/aftersales')).toEqual({
      database: 'aftersales',
      maintenanceUrl: 'postgres://app:pw@db.internal:6543/postgres',
    });
  });

  it('keeps the protocol and the query string', () => {
    expect(splitDatabaseUrl('postgresql://u@h/app_test_1?sslmode=require')).toEqual({
      database: 'app_test_1',
      maintenanceUrl: 'postgresql://u@h/postgres?sslmode=require',
    });
  });

  it('decodes a percent-encoded name', () => {
    expect(splitDatabaseUrl('postgres://h/db%5Fx').database).toBe('db_x');
  });

  it.each([
    'postgres://h',
    'postgres://h/',
    'postgres://h/after-sales',
    'postgres://h/my%20db',
    'postgres://h/a;drop',
    'postgres://h/a/b',
    'postgres://h/%C3%A9t%C3%A9',
  ])('refuses the database name of %s', (url) => {
    let thrown: unknown;
    try {
      splitDatabaseUrl(url);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe('DATABASE_URL');
  });

  it('throws on a string that is not a URL', () => {
    expect(() => splitDatabaseUrl('not a url')).toThrow();
  });
});

describe('MAIL_FROM', () => {
  it.each(['noreply@example.com', '售后服务 <service@example.com>', 'Service Desk <desk@example.com>'])(
    'accepts %s',
    (value) => {
      expect(loadConfig({ MAIL_FROM: value }).mailFrom).toBe(value);
    },
  );

  it.each(['not an address', 'Name <not-an-address>', '<a@b.c> trailing'])(
    'refuses %s naming MAIL_FROM',
    (value) => {
      expect(() => loadConfig({ MAIL_FROM: value })).toThrow(/^MAIL_FROM: /);
    },
  );
});
