import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { Notifier } from '../notifications/notifier';
import { ReminderStatus } from '../reminder-kind';
import { ReminderQueue } from '../reminder-queue';
import { decideCheck } from '../reminder-rules';
import { RemindersRepository } from '../reminders.repository';

/** A check job as the processor validated it; `at` is the reminder's state at `version`. */
export interface CheckJob {
  reminderId: string;
  version: number;
  at?: { status: ReminderStatus; dueAt: Date };
}

export type CheckResult =
  | { result: 'made_due' | 'escalated' | 'ignored' | 'missing' | 'lost_race' }
  | { result: 'early'; until: Date };

/**
 * What a reminder job does. It decides on the state the job carries (the row as it was at
 * that version) without reading the row, then moves it with one UPDATE guarded by status and
 * version. Idempotent: a stale or repeated job matches no row, so a job retried after a
 * crash, or run twice after a sweep, moves the reminder once.
 */
@Injectable()
export class ReminderCheckService {
  private readonly logger = new Logger(ReminderCheckService.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly queue: ReminderQueue,
    private readonly config: AppConfig,
    private readonly notifier: Notifier,
  ) {}

  async check(job: CheckJob, now = new Date()): Promise<CheckResult> {
    // Jobs enqueued before payloads carried the reminder's state: read the row instead.
    const reminder = job.at
      ? { id: job.reminderId, version: job.version, ...job.at }
      : await this.reminders.findById(job.reminderId);
    if (!reminder) return { result: 'missing' };
    const outcome = decideCheck(reminder, job.version, now, this.config.reminders.escalationGraceMs);
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
        // One statement, committed on its own: nothing else needs to be atomic with it. (A
        // worker that dies while it waits for a row lock gets it aborted by PostgreSQL, see
        // client_connection_check_interval in libs/persistence, and the job runs again.)
        // The row's own check time must have come too (due_at, or due_at + grace to escalate):
        // a job whose snapshot is older than the row (a restore wound versions back) does nothing
        // and the sweep queues the row's real check.
        const graceMs = outcome.action === 'make_due' ? 0 : this.config.reminders.escalationGraceMs;
        const moved = await this.reminders.transition(reminder, changes, new Date(now.getTime() - graceMs));
        if (!moved) return { result: 'lost_race' };
        this.queue.queueAfterCommit(moved);
        this.logger.log({ reminderId: moved.id, status: moved.status }, 'reminder moved');
        await this.notifier.notify({
          reminderId: moved.id,
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
