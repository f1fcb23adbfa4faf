import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, Queue } from 'bullmq';
import { AppConfig } from '@accompany/config';
import { bullConnection } from './bull-connection';
import { JobName, type JobPayloads, QueueName } from './jobs';
import { DEFAULT_JOB_OPTIONS } from './job-options';

export interface EnqueueOptions {
  jobId: string;
  delayMs?: number;
}

/**
 * Puts jobs on BullMQ through a queue of its own whose Redis connection never queues
 * commands offline: while Redis is down an enqueue fails at once (and returns false)
 * instead of hanging a request. The rows in PostgreSQL stay the source of truth and the
 * sweep enqueues them later. (Workers keep BullMQ's usual, patient connection.)
 */
@Injectable()
export class JobProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(JobProducer.name);
  private readonly reminders: Queue;

  constructor(config: AppConfig) {
    this.reminders = new Queue(QueueName.Reminders, {
      ...bullConnection(config, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }),
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    this.reminders.on('error', (error: Error) =>
      this.logger.warn({ err: error.message }, 'queue connection error'),
    );
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions,
  ): Promise<boolean> {
    try {
      await this.reminders.add(name, payload, {
        jobId: options.jobId,
        delay: Math.max(0, Math.round(options.delayMs ?? 0)),
      });
      return true;
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, jobId: options.jobId },
        'enqueue failed; the sweep will retry',
      );
      return false;
    }
  }

  async enqueueMany<N extends JobName>(
    name: N,
    jobs: Array<{ payload: JobPayloads[N]; options: EnqueueOptions }>,
  ): Promise<number> {
    if (jobs.length === 0) return 0;
    await this.reminders.addBulk(
      jobs.map(({ payload, options }) => ({
        name,
        data: payload,
        opts: { jobId: options.jobId, delay: Math.max(0, Math.round(options.delayMs ?? 0)) },
      })),
    );
    return jobs.length;
  }

  /**
   * Failed jobs by id (the newest `scanLimit`). A job that failed for good (BullMQ fails a job
   * that stalled twice, e.g. a worker killed twice) keeps its id, so adding it again would do
   * nothing: the sweep retries the ones it still wants instead.
   */
  async failedJobs(scanLimit = 1000): Promise<Map<string, Job>> {
    const failed = await this.reminders.getFailed(0, scanLimit - 1);
    return new Map(failed.filter((job) => job.id).map((job) => [job.id!, job]));
  }

  /** The queue itself, for the worker's scheduler set-up and tests. */
  get remindersQueue(): Queue {
    return this.reminders;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reminders.close().catch(() => undefined);
  }
}
