import type { EnvName } from './env.schema';

/** Tunables with a sensible value everywhere, production included. */
export const GENERAL_DEFAULTS: Partial<Record<EnvName, string>> = {
  NODE_ENV: 'development',
  JWT_ACCESS_TTL_SECONDS: '900',
  JWT_REFRESH_TTL_SECONDS: String(30 * 24 * 3600),
  TZ: 'UTC',
  LOGIN_MAX_FAILURES: '5',
  LOGIN_LOCK_SECONDS: '900',
  LOGIN_FAILURE_WINDOW_SECONDS: '900',
  RATE_LIMIT_PER_IP_PER_MINUTE: '30',
  REDIS_PREFIX: 'accompany',
  LOG_LEVEL: 'info',
  BODY_LIMIT_BYTES: String(1024 * 1024),
  CORS_ORIGINS: '',
  TRUST_PROXY: 'false',
  FOLLOW_UP_CADENCE: 'P30D',
  CONTACT_RETRY_AFTER: 'P3D',
  ESCALATION_GRACE: 'P7D',
  REMINDER_SWEEP_EVERY: 'PT1M',
  REMINDER_HORIZON: 'PT1H',
  INACTIVITY_AFTER: 'P60D',
  HISTORY_FLOOR_DATE: '1988-01-01',
  WORKER_CONCURRENCY: '8',
  QUEUE_LOCK_DURATION: 'PT30S',
  QUEUE_STALLED_INTERVAL: 'PT30S',
  WORKER_HEALTH_FILE: '/tmp/accompany-worker-health.json',
  MAIL_FROM: 'Accompany <no-reply@accompany.local>',
};

/**
 * Local conveniences: a laptop with PostgreSQL and Redis on localhost starts with no
 * configuration at all. Never applied when NODE_ENV=production, where each of these
 * must be set explicitly.
 */
export const LOCAL_DEFAULTS: Partial<Record<EnvName, string>> = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/accompany',
  REDIS_URL: 'redis://127.0.0.1:6379',
  PORT: '3000',
  JWT_ACCESS_SECRET: 'development-only-access-secret-change-me-0001',
  JWT_REFRESH_SECRET: 'development-only-refresh-secret-change-me-001',
  DATA_ENCRYPTION_KEY: 'ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=',
  ADMIN_EMAIL: 'admin@accompany.local',
  ADMIN_PASSWORD: 'change-me-admin-password',
};
