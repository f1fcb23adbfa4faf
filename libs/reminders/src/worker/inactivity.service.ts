import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { ContactActivity } from '@accompany/contacts';
import { FamilyDirectory } from '@accompany/families';
import { TransactionRunner } from '@accompany/persistence';
import { ReminderKind } from '../reminder-kind';
import { ReminderQueue } from '../reminder-queue';
import { RemindersRepository } from '../reminders.repository';

const BATCH = 500;

/**
 * Raises one `inactivity` reminder for the accompanier of each active family without a
 * successful contact for INACTIVITY_AFTER (not repeated while one is open; the next
 * successful contact closes it). Runs with every sweep.
 */
@Injectable()
export class InactivityService {
  private readonly logger = new Logger(InactivityService.name);

  constructor(
    private readonly families: FamilyDirectory,
    private readonly contacts: ContactActivity,
    private readonly reminders: RemindersRepository,
    private readonly queue: ReminderQueue,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  async raise(now = new Date()): Promise<number> {
    const since = new Date(now.getTime() - this.config.reminders.inactivityAfterMs);
    let raised = 0;
    let afterId: string | undefined;
    for (;;) {
      const batch = await this.families.activeAssigned(since, BATCH, afterId);
      if (batch.length === 0) break;
      const contacted = await this.contacts.contactedSince(
        batch.map((f) => f.familyId),
        since,
      );
      for (const family of batch.filter((f) => !contacted.has(f.familyId))) {
        const created = await this.tx.run(async () => {
          const reminder = await this.reminders.insertUnlessOpen({
            kind: ReminderKind.Inactivity,
            familyId: family.familyId,
            teamId: family.teamId,
            assigneeId: family.assigneeId,
            dueAt: now,
          });
          if (reminder) this.queue.queueAfterCommit(reminder);
          return reminder;
        });
        if (created) raised += 1;
      }
      afterId = batch[batch.length - 1]!.familyId;
      if (batch.length < BATCH) break;
    }
    if (raised > 0) this.logger.log({ raised }, 'inactivity reminders raised');
    return raised;
  }
}
