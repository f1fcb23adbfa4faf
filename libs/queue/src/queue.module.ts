import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { bullConnection } from './bull-connection';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { JobProducer } from './job-producer';
import { QueueName } from './jobs';
import { QueueWorkers } from './queue-workers';

/** BullMQ on this deployment's Redis, keys under `<REDIS_PREFIX>:bull`; workers start only in the worker app. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...bullConnection(config),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue({ name: QueueName.Reminders }),
  ],
  providers: [JobProducer, QueueWorkers],
  exports: [JobProducer, QueueWorkers, BullModule],
})
export class QueueModule {}
