import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { JobName, JobProducer, reminderJobId } from '@accompany/queue';
import { checkPayloadOf, nextCheckAt } from '../reminder-rules';
import { RemindersRepository } from '../reminders.repository';
import { SweepRecordRepository } from '../sweep-record.repository';

const BATCH = 1000;

/**
 * Enqueues every reminder whose next check falls within the horizon (REMINDER_HORIZON): it
 * brings the next stretch of planned reminders into Redis, and repairs whatever Redis lost
 * (an outage at write time, a flush, a crash between commit and enqueue). Job ids are
 * deterministic, so a job still present is not added twice, and a job re-added after it
 * ran finds its reminder moved on and does nothing. Its completion is recorded in PostgreSQL,
 * which health checks read (SweepWatchdogService restores a sweep that stopped).
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly producer: JobProducer,
    private readonly config: AppConfig,
    private readonly records: SweepRecordRepository,
  ) {}

  async sweep(): Promise<number> {
    const started = Date.now();
    let enqueued = 0;
    let afterId: string | undefined;
    const { escalationGraceMs, horizonMs } = this.config.reminders;
    const horizonEnd = new Date(Date.now() + horizonMs);
    const failed = await this.producer.failedJobs();
    for (;;) {
      const batch = await this.reminders.findQueueable(horizonEnd, escalationGraceMs, BATCH, afterId);
      if (batch.length === 0) break;
      const now = Date.now();
      const jobs = batch.map((r) => ({
        payload: checkPayloadOf(r),
        options: {
          jobId: reminderJobId(r.id, r.version),
          delayMs: (nextCheckAt(r, escalationGraceMs)?.getTime() ?? now) - now,
        },
      }));
      for (const { options } of jobs) await failed.get(options.jobId)?.retry('failed');
      enqueued += await this.producer.enqueueMany(JobName.ReminderCheck, jobs);
      afterId = batch[batch.length - 1]!.id;
      if (batch.length < BATCH) break;
    }
    await this.records.recordSuccess();
    this.logger.log({ enqueued, durationMs: Date.now() - started }, 'reminder sweep done');
    return enqueued;
  }
}
