export { JobProducer, type EnqueueOptions } from './job-producer';
export { JobName, type JobPayloads, QueueName, reminderJobId } from './jobs';
export { QueueModule } from './queue.module';
export { QueueWorkers } from './queue-workers';
