import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { JobName, JobProducer, reminderJobId } from '@accompany/queue';
import { nextCheckAt } from '../reminder-rules';
import { RemindersRepository } from '../reminders.repository';

const BATCH = 1000;

/**
 * Re-enqueues every reminder that should be waiting in Redis. Job ids are deterministic, so
 * a job still present is not added twice, and a job re-added after it ran finds its
 * reminder moved on and does nothing. This repairs whatever Redis lost: an outage at
 * write time, a flush, a crash between commit and enqueue.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly producer: JobProducer,
    private readonly config: AppConfig,
  ) {}

  async sweep(): Promise<number> {
    let enqueued = 0;
    let afterId: string | undefined;
    for (;;) {
      const batch = await this.reminders.findQueueable(BATCH, afterId);
      if (batch.length === 0) break;
      const now = Date.now();
      enqueued += await this.producer.enqueueMany(
        JobName.ReminderCheck,
        batch.map((r) => ({
          payload: { reminderId: r.id, version: r.version },
          options: {
            jobId: reminderJobId(r.id, r.version),
            delayMs: (nextCheckAt(r, this.config.reminders.escalationGraceMs)?.getTime() ?? now) - now,
          },
        })),
      );
      afterId = batch[batch.length - 1]!.id;
      if (batch.length < BATCH) break;
    }
    this.logger.log({ enqueued }, 'reminder sweep done');
    return enqueued;
  }
}
