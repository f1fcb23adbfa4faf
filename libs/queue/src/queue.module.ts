import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { JobProducer } from './job-producer';
import { QueueName } from './jobs';

/** BullMQ on this deployment's Redis, keys under `<REDIS_PREFIX>:bull`; processors live in the worker. */
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
    BullModule.registerQueue({ name: QueueName.Reminders }),
  ],
  providers: [JobProducer],
  exports: [JobProducer, BullModule],
})
export class QueueModule {}
