import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { AppConfig } from '@accompany/config';
import { bullConnection } from './bull-connection';
import type { QueueName } from './jobs';

export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/**
 * Starts BullMQ workers with this deployment's settings (concurrency, lock duration,
 * stalled-check interval come from the configuration, which @Processor's static options
 * cannot read) and closes them before the rest of the application shuts down, so a job
 * that is running on SIGTERM finishes while its database connection is still open.
 */
@Injectable()
export class QueueWorkers implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];

  constructor(private readonly config: AppConfig) {}

  start(queue: QueueName, handler: JobHandler): Worker {
    const { concurrency, lockDurationMs, stalledIntervalMs } = this.config.queue;
    const worker = new Worker(queue, handler, {
      ...bullConnection(this.config),
      concurrency,
      lockDuration: lockDurationMs,
      stalledInterval: stalledIntervalMs,
    });
    // Without an 'error' listener an EventEmitter error would end the process.
    worker.on('error', (error: Error) =>
      this.logger.warn({ queue, err: error.message }, 'worker connection error'),
    );
    // Ids and messages only: job data may name a case.
    worker.on('failed', (job: Job | undefined, error: Error) =>
      this.logger.warn(
        { queue, jobId: job?.id, jobName: job?.name, attempt: job?.attemptsMade, err: error.message },
        'job failed',
      ),
    );
    this.workers.push(worker);
    return worker;
  }

  async beforeApplicationShutdown(): Promise<void> {
    // One worker failing to close must not keep the others (or the shutdown) from finishing.
    const results = await Promise.allSettled(this.workers.map((worker) => worker.close()));
    for (const result of results) {
      if (result.status === 'rejected') {
        this.logger.warn({ err: (result.reason as Error).message }, 'worker did not close cleanly');
      }
    }
  }
}
