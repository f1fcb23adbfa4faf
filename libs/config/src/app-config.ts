import { parseDuration } from './duration';
import type { EnvironmentVariables, NodeEnv } from './env.schema';

/**
 * The typed configuration every process receives. Built once from the validated
 * environment; nothing else in the code base reads process.env.
 */
export class AppConfig {
  readonly nodeEnv!: NodeEnv;
  readonly port!: number;
  readonly timeZone!: string;
  readonly logLevel!: string;
  readonly database!: { url: string };
  readonly redis!: { url: string; prefix: string };
  readonly jwt!: {
    accessSecret: string;
    refreshSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
  };
  readonly dataEncryptionKey!: Buffer;
  readonly bootstrapAdmin!: { email: string; password: string } | null;
  readonly login!: {
    maxFailures: number;
    lockSeconds: number;
    failureWindowSeconds: number;
    ratePerIpPerMinute: number;
  };
  readonly http!: { bodyLimitBytes: number; corsOrigins: string[]; trustProxy: boolean };
  /** The e-mail channel; null smtpUrl means e-mail is off. */
  readonly mail!: { smtpUrl: string | null; from: string };
  /** Durations in milliseconds. */
  readonly reminders!: {
    followUpCadenceMs: number;
    contactRetryAfterMs: number;
    escalationGraceMs: number;
    sweepEveryMs: number;
    /** Only checks due within this window are put on the queue. */
    horizonMs: number;
    inactivityAfterMs: number;
  };
  /** The earliest date (`YYYY-MM-DD`) a "when did it happen" field may name (HISTORY_FLOOR_DATE). */
  readonly historyFloorDate!: string;
  /** How worker processes run queued jobs; durations in milliseconds. */
  readonly queue!: { concurrency: number; lockDurationMs: number; stalledIntervalMs: number };
  /** The worker process: the file of its health verdict (docker/worker-healthcheck.cjs reads it). */
  readonly worker!: { healthFile: string };
}

export function toAppConfig(env: EnvironmentVariables): AppConfig {
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    timeZone: env.TZ,
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL },
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    jwt: {
      accessSecret: env.JWT_ACCESS_SECRET,
      refreshSecret: env.JWT_REFRESH_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: env.JWT_REFRESH_TTL_SECONDS,
    },
    dataEncryptionKey: Buffer.from(env.DATA_ENCRYPTION_KEY, 'base64'),
    bootstrapAdmin:
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD
        ? { email: env.ADMIN_EMAIL.toLowerCase(), password: env.ADMIN_PASSWORD }
        : null,
    login: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockSeconds: env.LOGIN_LOCK_SECONDS,
      failureWindowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
      ratePerIpPerMinute: env.RATE_LIMIT_PER_IP_PER_MINUTE,
    },
    http: {
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      corsOrigins: env.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter((o) => o.length > 0),
      trustProxy: env.TRUST_PROXY,
    },
    mail: { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM },
    reminders: {
      followUpCadenceMs: parseDuration(env.FOLLOW_UP_CADENCE),
      contactRetryAfterMs: parseDuration(env.CONTACT_RETRY_AFTER),
      escalationGraceMs: parseDuration(env.ESCALATION_GRACE),
      sweepEveryMs: parseDuration(env.REMINDER_SWEEP_EVERY),
      horizonMs: parseDuration(env.REMINDER_HORIZON),
      inactivityAfterMs: parseDuration(env.INACTIVITY_AFTER),
    },
    historyFloorDate: env.HISTORY_FLOOR_DATE,
    queue: {
      concurrency: env.WORKER_CONCURRENCY,
      lockDurationMs: parseDuration(env.QUEUE_LOCK_DURATION),
      stalledIntervalMs: parseDuration(env.QUEUE_STALLED_INTERVAL),
    },
    worker: { healthFile: env.WORKER_HEALTH_FILE },
  };
}
