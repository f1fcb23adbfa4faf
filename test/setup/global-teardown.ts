// Global setup runs outside Jest's module mapper: resolve @accompany/* from tsconfig paths.
import 'tsconfig-paths/register';
import { rmSync } from 'node:fs';
import Redis from 'ioredis';
import { dropDatabase } from '@accompany/persistence';
import { loadRunContext } from './run-context';

/** Drops the run's database and deletes its Redis keys; the machine's other data is untouched. */
export default async function globalTeardown(): Promise<void> {
  const context = loadRunContext();
  if (process.env.KEEP_TEST_DATABASE !== '1') await dropDatabase(context.databaseUrl);
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  try {
    await redis.connect();
    const keys = await redis.keys(`${context.redisPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } catch {
    // Redis may be down on purpose in a fault test; the prefix is unique anyway.
  } finally {
    redis.disconnect();
  }
  if (process.env.ACCOMPANY_E2E_CONTEXT) rmSync(process.env.ACCOMPANY_E2E_CONTEXT, { force: true });
}
