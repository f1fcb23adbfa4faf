import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@accompany/config';
import { JobName, JobProducer } from '@accompany/queue';
import { REDIS } from '@accompany/redis';
import { ReminderSweepService } from './reminder-sweep.service';

export const SWEEP_SCHEDULER_ID = 'reminder-sweep';
const RETRY_MS = 2000;

/**
 * The sweep runs at worker start, on a BullMQ job scheduler, and again whenever the
 * connection to Redis comes back: a Redis that restarts empty has lost the scheduler too.
 */
@Injectable()
export class SweepSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SweepSchedulerService.name);
  private readonly onReconnect = (): void => void this.scheduleAndSweep();
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly producer: JobProducer,
    private readonly sweeper: ReminderSweepService,
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.redis.on('ready', this.onReconnect);
    // Not connected yet: the 'ready' listener runs it as soon as the connection is up.
    if (this.redis.status === 'ready') await this.scheduleAndSweep();
  }

  onApplicationShutdown(): void {
    this.redis.off('ready', this.onReconnect);
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.stopped = true;
  }

  async scheduleAndSweep(): Promise<void> {
    try {
      await this.producer.remindersQueue.upsertJobScheduler(
        SWEEP_SCHEDULER_ID,
        { every: this.config.reminders.sweepEveryMs },
        { name: JobName.ReminderSweep, data: {} },
      );
      await this.sweeper.sweep();
    } catch (error) {
      // Redis down, or the queue's own connection not back yet: try again shortly.
      this.logger.warn({ err: (error as Error).message }, 'sweep scheduling failed; retrying');
      if (!this.stopped && !this.retry) {
        this.retry = setTimeout(() => {
          this.retry = null;
          void this.scheduleAndSweep();
        }, RETRY_MS);
      }
    }
  }
}
