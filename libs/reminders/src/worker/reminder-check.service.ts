import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { TransactionRunner } from '@accompany/persistence';
import { Notifier } from '../notifications/notifier';
import { ReminderStatus } from '../reminder-kind';
import { ReminderQueue } from '../reminder-queue';
import { decideCheck } from '../reminder-rules';
import { RemindersRepository } from '../reminders.repository';

export type CheckResult =
  | { result: 'made_due' | 'escalated' | 'ignored' | 'missing' | 'lost_race' }
  | { result: 'early'; until: Date };

/**
 * What a reminder job does. Idempotent: a stale or repeated job changes nothing, and each
 * transition is one guarded UPDATE (status and version as read), so a job retried after a
 * crash, or run twice after a sweep, moves the reminder once.
 */
@Injectable()
export class ReminderCheckService {
  private readonly logger = new Logger(ReminderCheckService.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly queue: ReminderQueue,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
    private readonly notifier: Notifier,
  ) {}

  async check(reminderId: string, version: number, now = new Date()): Promise<CheckResult> {
    const reminder = await this.reminders.findById(reminderId);
    if (!reminder) return { result: 'missing' };
    const outcome = decideCheck(reminder, version, now, this.config.reminders.escalationGraceMs);
    switch (outcome.action) {
      case 'ignore':
        return { result: 'ignored' };
      case 'wait':
        // Early (clocks differ between processes): the processor delays this very job.
        return { result: 'early', until: outcome.until };
      case 'make_due':
      case 'escalate': {
        const changes =
          outcome.action === 'make_due'
            ? { status: ReminderStatus.Due }
            : { status: ReminderStatus.Escalated, escalatedAt: now };
        const moved = await this.tx.run(async () => {
          const updated = await this.reminders.transition(reminder.id, reminder, changes);
          if (updated) this.queue.queueAfterCommit(updated);
          return updated;
        });
        if (!moved) return { result: 'lost_race' };
        this.logger.log({ reminderId, status: moved.status }, 'reminder moved');
        await this.notifier.notify({
          reminderId,
          kind: moved.kind,
          status: outcome.action === 'make_due' ? ReminderStatus.Due : ReminderStatus.Escalated,
          assigneeId: moved.assigneeId,
          familyId: moved.familyId,
          dueAt: moved.dueAt,
        });
        return { result: outcome.action === 'make_due' ? 'made_due' : 'escalated' };
      }
    }
  }
}
