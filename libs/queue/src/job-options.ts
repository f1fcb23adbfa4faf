import type { DefaultJobOptions } from 'bullmq';

/** Retries with backoff; completed jobs removed (their rows hold the history); failures kept for inspection. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: false,
};
