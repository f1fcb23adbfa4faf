export { JobProducer, type EnqueueOptions } from './job-producer';
export { JOB_QUEUE, JobName, type JobPayloads, QueueName, reminderJobId } from './jobs';
export { DEFAULT_JOB_OPTIONS } from './job-options';
export { QueueModule } from './queue.module';
export { bullConnection } from './bull-connection';
export { type JobHandler, QueueWorkers } from './queue-workers';
