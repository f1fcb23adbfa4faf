import { rename, rm, writeFile } from 'node:fs/promises';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { SweepRecordRepository, sweepStatus, type SweepStatus } from '@accompany/reminders';
import { workerHealth, type WorkerHealth } from './worker-health';

export interface WorkerHealthReport extends WorkerHealth {
  /** When this report was written: a report older than 30 s means the worker itself is stuck. */
  at: string;
  lastHeartbeatAt: string | null;
  sweep: SweepStatus;
}

/**
 * Writes the worker's own health verdict to WORKER_HEALTH_FILE with every heartbeat, for the
 * container's health check (docker/worker-healthcheck.cjs), which then needs no connection of
 * its own: a stale file is a stuck process, `healthy: false` a lost Redis or a sweep that no
 * longer runs (its last success is read from PostgreSQL, where a Redis flush cannot erase it).
 */
@Injectable()
export class WorkerHealthFileService implements OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthFileService.name);

  constructor(
    private readonly sweeps: SweepRecordRepository,
    private readonly config: AppConfig,
  ) {}

  async write(lastHeartbeatAt: Date | null, now = new Date()): Promise<WorkerHealthReport> {
    const sweep = await this.sweeps.read().then(
      (record) => sweepStatus(record, this.config.reminders.sweepEveryMs),
      () => sweepStatus(null, this.config.reminders.sweepEveryMs),
    );
    const heartbeatAgeMs = lastHeartbeatAt ? now.getTime() - lastHeartbeatAt.getTime() : null;
    const report: WorkerHealthReport = {
      at: now.toISOString(),
      ...workerHealth(heartbeatAgeMs, sweep),
      lastHeartbeatAt: lastHeartbeatAt?.toISOString() ?? null,
      sweep,
    };
    if (!report.healthy) this.logger.warn({ problems: report.problems, sweep }, 'worker unhealthy');
    const file = this.config.worker.healthFile;
    try {
      // Written whole, then renamed: the health check never reads half a file.
      await writeFile(`${file}.tmp`, `${JSON.stringify(report)}\n`, { mode: 0o644 });
      await rename(`${file}.tmp`, file);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'health file not written');
    }
    return report;
  }

  /** A stopped worker leaves no verdict behind that a health check could take for a live one. */
  async onApplicationShutdown(): Promise<void> {
    await rm(this.config.worker.healthFile, { force: true }).catch(() => undefined);
  }
}
