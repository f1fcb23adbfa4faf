import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@accompany/config';

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

/** Builds a key under this deployment's REDIS_PREFIX. */
@Injectable()
export class RedisKeys {
  constructor(private readonly config: AppConfig) {}

  key(...parts: string[]): string {
    return [this.config.redis.prefix, ...parts].join(':');
  }

  workerHeartbeat(): string {
    return this.key('worker', 'heartbeat');
  }
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for the server; with no connection there is nothing to wait for.
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Redis => {
        const client = createRedisClient(config.redis.url, 'accompany');
        const logger = new Logger('Redis');
        client.on('error', (error: Error) => logger.warn({ err: error.message }, 'redis connection error'));
        return client;
      },
    },
    RedisKeys,
    RedisCloser,
  ],
  exports: [REDIS, RedisKeys],
})
export class RedisModule {}
