import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, type JobPayloads, QueueName } from './jobs';

export interface EnqueueOptions {
  jobId: string;
  delayMs?: number;
}

/**
 * Puts jobs on BullMQ. Its Redis connection never queues commands offline, so while Redis
 * is down an enqueue fails at once (and returns false) instead of hanging a request; the
 * rows in PostgreSQL stay the source of truth and the sweep enqueues them later.
 */
@Injectable()
export class JobProducer {
  private readonly logger = new Logger(JobProducer.name);

  constructor(@InjectQueue(QueueName.Reminders) private readonly reminders: Queue) {}

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

  /** The queue itself, for the worker's scheduler set-up and tests. */
  get remindersQueue(): Queue {
    return this.reminders;
  }
}
