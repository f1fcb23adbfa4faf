import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { DefaultJobOptions } from 'bullmq';
import { AppConfig } from '@accompany/config';
import { JobProducer } from './job-producer';
import { QueueName } from './jobs';

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: false,
};

/**
 * BullMQ on this deployment's Redis, keys under REDIS_PREFIX. Workers (in the worker
 * process) use the shared connection settings; the producer's queue connection fails fast.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redis.url },
        prefix: `${config.redis.prefix}:bull`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueueAsync({
      name: QueueName.Reminders,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: {
          url: config.redis.url,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
        },
        prefix: `${config.redis.prefix}:bull`,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
  ],
  providers: [JobProducer],
  exports: [JobProducer, BullModule],
})
export class QueueModule {}
