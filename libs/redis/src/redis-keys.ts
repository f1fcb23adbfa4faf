import { Injectable } from '@nestjs/common';
import { AppConfig } from '@accompany/config';

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
