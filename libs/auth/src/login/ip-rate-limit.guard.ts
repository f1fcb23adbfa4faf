import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { AppConfig } from '@accompany/config';
import { REDIS, RedisKeys } from '@accompany/redis';
import { clientIp, TooManyRequestsError } from '@accompany/shared';

const WINDOW_SECONDS = 60;

/**
 * Per-address limit on the credential endpoints, counted in Redis per fixed minute.
 * It runs before any password hashing. While Redis is unreachable it lets requests
 * through (logged): the per-account lockout in PostgreSQL still holds, and an outage of
 * the cache must never lock staff out.
 */
@Injectable()
export class IpRateLimitGuard implements CanActivate {
  private readonly logger = new Logger(IpRateLimitGuard.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const window = Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
    const key = this.keys.key('ratelimit', 'ip', clientIp(request), String(window));
    let hits: number;
    try {
      const result = await this.redis
        .multi()
        .incr(key)
        .expire(key, WINDOW_SECONDS * 2)
        .exec();
      hits = Number(result?.[0]?.[1] ?? 0);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'per-IP rate limit skipped: Redis unavailable');
      return true;
    }
    if (hits > this.config.login.ratePerIpPerMinute) {
      const retryAfter = (window + 1) * WINDOW_SECONDS - Math.floor(Date.now() / 1000);
      throw new TooManyRequestsError(retryAfter, 'RATE_LIMITED', 'Too many requests from this address.');
    }
    return true;
  }
}
