import { ConfigError, validateEnv } from './validate-env';
import { loadAppConfig } from './load-app-config';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app@db:5432/accompany',
  REDIS_URL: 'redis://cache:6379',
  PORT: '8080',
  JWT_ACCESS_SECRET: 'a'.repeat(40),
  JWT_REFRESH_SECRET: 'b'.repeat(40),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function errorOf(raw: NodeJS.ProcessEnv): ConfigError {
  try {
    validateEnv(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(validateEnv.name, () => {
  it('should start a development process with no configuration at all', () => {
    const config = loadAppConfig({});
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/accompany');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.login).toEqual({
      maxFailures: 5,
      lockSeconds: 900,
      failureWindowSeconds: 900,
      ratePerIpPerMinute: 30,
    });
    expect(config.dataEncryptionKey).toHaveLength(32);
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('should accept a complete production environment', () => {
    const config = loadAppConfig(PRODUCTION);
    expect(config.nodeEnv).toBe('production');
    expect(config.port).toBe(8080);
    expect(config.bootstrapAdmin).toBeNull();
  });

  it('should refuse production without the local defaults, naming each missing variable', () => {
    const error = errorOf({ NODE_ENV: 'production' });
    for (const name of [
      'DATABASE_URL',
      'REDIS_URL',
      'PORT',
      'JWT_ACCESS_SECRET',
      'JWT_REFRESH_SECRET',
      'DATA_ENCRYPTION_KEY',
    ]) {
      expect(error.message).toContain(name);
    }
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('should name a bad variable without ever printing its value', () => {
    const secret = 'short-secret-value';
    const error = errorOf({ ...PRODUCTION, JWT_ACCESS_SECRET: secret, PORT: 'eighty' });
    expect(error.message).toContain('JWT_ACCESS_SECRET');
    expect(error.message).toContain('PORT');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('eighty');
    expect(error.message).not.toContain('REDIS_URL');
  });

  it('should require a 32-byte base64 encryption key', () => {
    expect(
      errorOf({ ...PRODUCTION, DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }).invalid,
    ).toEqual([expect.stringContaining('DATA_ENCRYPTION_KEY')]);
    expect(errorOf({ ...PRODUCTION, DATA_ENCRYPTION_KEY: 'not base64!' }).message).toContain(
      'DATA_ENCRYPTION_KEY',
    );
  });

  it('should refuse an unknown time zone and a lock longer than 15 minutes', () => {
    const error = errorOf({ ...PRODUCTION, TZ: 'Mars/Olympus', LOGIN_LOCK_SECONDS: '901' });
    expect(error.message).toContain('TZ');
    expect(error.message).toContain('LOGIN_LOCK_SECONDS');
  });

  it('should parse lists and booleans', () => {
    const config = loadAppConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: 'true',
    });
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.http.trustProxy).toBe(true);
    expect(errorOf({ TRUST_PROXY: 'yes' }).message).toContain('TRUST_PROXY');
  });

  it('should refuse a sweep that is not shorter than the reminder horizon', () => {
    expect(errorOf({ REMINDER_SWEEP_EVERY: 'PT1H', REMINDER_HORIZON: 'PT1H' }).message).toContain(
      'REMINDER_SWEEP_EVERY',
    );
    expect(
      loadAppConfig({ REMINDER_SWEEP_EVERY: 'PT1S', REMINDER_HORIZON: 'PT10S' }).reminders.horizonMs,
    ).toBe(10_000);
  });

  it('should read the worker settings and refuse intervals outside a second to a day', () => {
    expect(loadAppConfig({}).queue).toEqual({
      concurrency: 8,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
    });
    expect(
      loadAppConfig({ WORKER_CONCURRENCY: '2', QUEUE_LOCK_DURATION: 'PT2S', QUEUE_STALLED_INTERVAL: 'PT1S' })
        .queue,
    ).toEqual({ concurrency: 2, lockDurationMs: 2000, stalledIntervalMs: 1000 });
    const refused = errorOf({ QUEUE_LOCK_DURATION: 'PT0S', QUEUE_STALLED_INTERVAL: 'PT0S' }).message;
    expect(refused).toContain('QUEUE_LOCK_DURATION');
    expect(refused).toContain('QUEUE_STALLED_INTERVAL');
    expect(errorOf({ QUEUE_STALLED_INTERVAL: 'P2D' }).message).toContain('QUEUE_STALLED_INTERVAL');
    expect(errorOf({ WORKER_CONCURRENCY: '0' }).message).toContain('WORKER_CONCURRENCY');
    expect(errorOf({ WORKER_CONCURRENCY: '21' }).message).toContain('WORKER_CONCURRENCY');
  });

  it('should read the history floor, 1988-01-01 by default, and refuse a date that does not exist', () => {
    expect(loadAppConfig({}).historyFloorDate).toBe('1988-01-01');
    expect(loadAppConfig({ HISTORY_FLOOR_DATE: '1970-06-15' }).historyFloorDate).toBe('1970-06-15');
    for (const bad of ['1988-02-30', '01/01/1988', '1988', 'yesterday']) {
      expect({ bad, invalid: errorOf({ HISTORY_FLOOR_DATE: bad }).invalid }).toEqual({
        bad,
        invalid: [expect.stringContaining('HISTORY_FLOOR_DATE')],
      });
    }
  });

  it('should treat an empty string as unset', () => {
    expect(loadAppConfig({ PORT: '' }).port).toBe(3000);
  });
});
