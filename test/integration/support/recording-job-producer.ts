import type { EnqueueOptions, JobName, JobPayloads } from '@accompany/queue';

export interface RecordedJob {
  name: JobName;
  payload: unknown;
  options: EnqueueOptions;
}

/**
 * Stands in for JobProducer: the service tier has no Redis. It records what would have been
 * enqueued (after commit), so a test can assert on the hand-off without a queue.
 */
export class RecordingJobProducer {
  readonly jobs: RecordedJob[] = [];

  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<boolean> {
    this.jobs.push({ name, payload, options });
    return Promise.resolve(true);
  }

  enqueueMany<N extends JobName>(
    name: N,
    jobs: Array<{ payload: JobPayloads[N]; options: EnqueueOptions }>,
  ): Promise<number> {
    for (const job of jobs) this.jobs.push({ name, ...job });
    return Promise.resolve(jobs.length);
  }

  failedJobs(): Promise<Map<string, never>> {
    return Promise.resolve(new Map<string, never>());
  }
}
