import { Injectable } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { TransactionRunner } from '@accompany/persistence';
import { JobName, JobProducer, reminderJobId } from '@accompany/queue';
import type { ReminderEntity } from './entities/reminder.entity';
import { checkPayloadOf, isWithinHorizon, nextCheckAt } from './reminder-rules';

/**
 * The outbox hand-off: once the transaction that wrote a reminder commits, its next check
 * is enqueued as a delayed job with a deterministic id, when it falls within the horizon
 * (later ones are brought in by the sweep). If Redis is down the enqueue fails
 * at once (never the request) and the sweep enqueues it later.
 */
@Injectable()
export class ReminderQueue {
  constructor(
    private readonly producer: JobProducer,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  queueAfterCommit(reminder: Pick<ReminderEntity, 'id' | 'version' | 'status' | 'dueAt'>): void {
    this.tx.afterCommit(() => this.queueNow(reminder).then(() => undefined));
  }

  private async queueNow(
    reminder: Pick<ReminderEntity, 'id' | 'version' | 'status' | 'dueAt'>,
  ): Promise<boolean> {
    const at = nextCheckAt(reminder, this.config.reminders.escalationGraceMs);
    if (!at || !isWithinHorizon(at, new Date(), this.config.reminders.horizonMs)) return false;
    return this.producer.enqueue(JobName.ReminderCheck, checkPayloadOf(reminder), {
      jobId: reminderJobId(reminder.id, reminder.version),
      delayMs: at.getTime() - Date.now(),
    });
  }
}
