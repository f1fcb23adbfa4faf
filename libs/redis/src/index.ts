export { REDIS } from './redis-client';
export { RedisKeys } from './redis-keys';
export { RedisModule } from './redis.module';
