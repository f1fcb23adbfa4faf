import Redis from 'ioredis';

/** The injection token of the process's shared Redis client (RedisModule). */
export const REDIS = Symbol('REDIS');

/**
 * A Redis client that never queues commands while disconnected: callers (the login rate
 * limit, health, heartbeats) get an immediate error and decide to fail open, instead of
 * hanging until Redis comes back.
 */
export function createRedisClient(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}
