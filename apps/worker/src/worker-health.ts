import type { SweepStatus } from '@accompany/reminders';

/** The heartbeat is written every 10 s; older than this, the worker is stuck or lost Redis. */
export const HEARTBEAT_STALE_MS = 30_000;

export interface WorkerHealth {
  healthy: boolean;
  /** What is wrong, for the container's health log: `heartbeat`, `sweep`. */
  problems: Array<'heartbeat' | 'sweep'>;
}

/**
 * The worker's own verdict: its heartbeat in Redis is fresh and the reminder sweep (recorded in
 * PostgreSQL) is not stale. A worker that runs but no longer brings reminders into Redis is
 * unhealthy, so the orchestrator restarts it and operators see it.
 */
export function workerHealth(heartbeatAgeMs: number | null, sweep: SweepStatus): WorkerHealth {
  const problems: WorkerHealth['problems'] = [];
  if (heartbeatAgeMs === null || heartbeatAgeMs >= HEARTBEAT_STALE_MS) problems.push('heartbeat');
  if (sweep.stale) problems.push('sweep');
  return { healthy: problems.length === 0, problems };
}
