import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '@accompany/config';

/** Where every queue, producer and worker of this deployment keeps its keys: `<REDIS_PREFIX>:bull`. */
export function bullConnection(
  config: AppConfig,
  extra: Partial<ConnectionOptions> = {},
): { connection: ConnectionOptions; prefix: string } {
  return {
    connection: { url: config.redis.url, ...extra },
    prefix: `${config.redis.prefix}:bull`,
  };
}
