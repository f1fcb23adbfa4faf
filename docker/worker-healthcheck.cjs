// Worker container health: exit 0 while the deployment's worker heartbeat in Redis is
// younger than 30 s (the threshold /health/ready uses), 1 otherwise. The worker writes it
// every 10 s, so a worker whose event loop hangs or that lost Redis turns unhealthy.
const Redis = require('ioredis');

const STALE_MS = 30_000;
const key = `${process.env.REDIS_PREFIX || 'accompany'}:worker:heartbeat`;
const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  retryStrategy: () => null,
});
// A refused connection is an answer (unhealthy), not something to print.
redis.on('error', () => undefined);

redis
  .connect()
  .then(() => redis.get(key))
  .then(
    (value) => {
      const age = value ? Date.now() - Date.parse(value) : Infinity;
      return age < STALE_MS ? 0 : 1;
    },
    () => 1,
  )
  .then((code) => {
    redis.disconnect();
    process.exit(code);
  });
