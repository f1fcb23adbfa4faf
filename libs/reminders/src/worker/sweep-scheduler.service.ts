import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { JobName, JobProducer } from '@accompany/queue';
import { ReminderSweepService } from './reminder-sweep.service';

export const SWEEP_SCHEDULER_ID = 'reminder-sweep';

/** The sweep runs once at worker start and then on a BullMQ job scheduler. */
@Injectable()
export class SweepSchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SweepSchedulerService.name);

  constructor(
    private readonly producer: JobProducer,
    private readonly sweeper: ReminderSweepService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.producer.remindersQueue.upsertJobScheduler(
        SWEEP_SCHEDULER_ID,
        { every: this.config.reminders.sweepEveryMs },
        { name: JobName.ReminderSweep, data: {} },
      );
      await this.sweeper.sweep();
    } catch (error) {
      // Redis down at start: the scheduler is set up by the next start; BullMQ retries its connection.
      this.logger.warn({ err: (error as Error).message }, 'sweep scheduling failed at start');
    }
  }
}
