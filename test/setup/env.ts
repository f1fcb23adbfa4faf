import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRunContext } from './run-context';

/** Every test file runs against the run's database and Redis prefix, with test-friendly limits. */
const context = loadRunContext();
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = context.databaseUrl;
process.env.REDIS_PREFIX = context.redisPrefix;
process.env.RATE_LIMIT_PER_IP_PER_MINUTE = '100000';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.ADMIN_EMAIL = 'admin@e2e.test';
process.env.ADMIN_PASSWORD = 'e2e-admin-password-1';
// Workers started in the test process write their health verdict here, not over a real one.
process.env.WORKER_HEALTH_FILE = join(tmpdir(), `accompany-worker-health-${context.redisPrefix}.json`);
