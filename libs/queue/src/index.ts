export { createRedisClient, REDIS, RedisKeys, RedisModule } from './redis.module';
