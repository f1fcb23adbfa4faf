import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@accompany/config';
import { createRedisClient, REDIS } from './redis-client';
import { RedisKeys } from './redis-keys';

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

/**
 * The process's one shared Redis client (login rate limit, health, worker heartbeat, the sweep's
 * reconnect signal)
 * and its key builder. BullMQ keeps connections of its own (libs/queue).
 */
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
