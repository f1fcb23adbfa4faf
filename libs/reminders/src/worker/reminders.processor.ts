import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { JobName, QueueName, QueueWorkers } from '@accompany/queue';
import { InactivityService } from './inactivity.service';
import { checkPayload } from './check-payload';
import { ReminderCheckService } from './reminder-check.service';
import { ReminderSweepService } from './reminder-sweep.service';

/** Runs the reminders queue's jobs: checks of one reminder, and the periodic sweep. */
@Injectable()
export class RemindersProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly workers: QueueWorkers,
    private readonly checks: ReminderCheckService,
    private readonly sweeper: ReminderSweepService,
    private readonly inactivity: InactivityService,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(QueueName.Reminders, (job, token) => this.process(job, token));
  }

  async process(job: Job, token?: string): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.ReminderCheck: {
        const outcome = await this.checks.check(checkPayload(job.data));
        if (outcome.result === 'early') {
          // Re-adding under the same id would be refused while this job runs: delay it instead.
          await job.moveToDelayed(outcome.until.getTime(), token);
          throw new DelayedError();
        }
        return outcome.result;
      }
      case JobName.ReminderSweep:
        return { raised: await this.inactivity.raise(), enqueued: await this.sweeper.sweep() };
      default:
        this.logger.warn({ jobName: job.name }, 'unknown job ignored');
        return undefined;
    }
  }
}
