import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@accompany/config';
import { JobProducer } from '@accompany/queue';
import { REDIS } from '@accompany/redis';
import { sweepOverdueAfterMs, watchdogEveryMs } from '../sweep-health';
import { SweepRecordRepository } from '../sweep-record.repository';
import { SWEEP_SCHEDULER_ID, SweepSchedulerService } from './sweep-scheduler.service';

export type WatchdogOutcome = 'ok' | 'restored' | 'skipped';

/**
 * Redis can lose its data without the connection dropping (FLUSHDB, or a restart without
 * persistence that the client rides over): the sweep's job scheduler is gone with it, and
 * nothing due beyond the horizon would ever be queued. A plain timer in the worker (a BullMQ
 * job would vanish with the flush) looks every sweep interval, at most a minute apart: when the
 * scheduler is missing, or the last sweep recorded in PostgreSQL is overdue, it schedules the
 * sweep again and sweeps at once, which rebuilds the queue from the reminder rows.
 */
@Injectable()
export class SweepWatchdogService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepWatchdogService.name);
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly scheduler: SweepSchedulerService,
    private readonly producer: JobProducer,
    private readonly records: SweepRecordRepository,
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    this.arm();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.stopped) return;
    // One look at a time: the next is armed when this one has finished, however long it took.
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.arm());
    }, watchdogEveryMs(this.config.reminders.sweepEveryMs));
    this.timer.unref();
  }

  async tick(): Promise<WatchdogOutcome> {
    // While disconnected the scheduler's 'ready' listener restores everything on reconnect.
    if (this.redis.status !== 'ready') return 'skipped';
    try {
      const [scheduler, record] = await Promise.all([
        this.producer.remindersQueue.getJobScheduler(SWEEP_SCHEDULER_ID),
        this.records.read(),
      ]);
      const overdue = !record || record.ageMs > sweepOverdueAfterMs(this.config.reminders.sweepEveryMs);
      if (scheduler && !overdue) return 'ok';
      this.logger.warn(
        { schedulerMissing: !scheduler, lastSweepAt: record?.lastSuccessAt.toISOString() ?? null },
        'reminder sweep lost: scheduling it again and sweeping now',
      );
      await this.scheduler.scheduleAndSweep();
      return 'restored';
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'sweep watchdog could not look; next time');
      return 'skipped';
    }
  }
}
