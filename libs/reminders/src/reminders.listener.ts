import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AppConfig } from '@accompany/config';
import { ContactEvents, type ContactRecordedEvent } from '@accompany/contacts';
import {
  FamiliesService,
  FamilyEvents,
  takesWork,
  type FamilyClosedEvent,
  type FamilyReassignedEvent,
  type FamilyReopenedEvent,
} from '@accompany/families';
import { ReminderKind, ReminderStatus } from './reminder-kind';
import { ReminderQueue } from './reminder-queue';
import { type ContactPlan, planAfterContact, planAfterReopening } from './reminder-rules';
import { RemindersRepository } from './reminders.repository';

/**
 * How reminders react to contacts and family changes (domain events), each inside the
 * transaction of its cause, so a reminder commits or rolls back with what caused it.
 */
@Injectable()
export class RemindersListener {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly queue: ReminderQueue,
    private readonly families: FamiliesService,
    private readonly config: AppConfig,
  ) {}

  /** Runs inside the contact's transaction: the reminder commits with its cause. */
  @OnEvent(ContactEvents.Recorded, { suppressErrors: false })
  async onContactRecorded(event: ContactRecordedEvent): Promise<void> {
    const plan = planAfterContact(event, new Date(), this.config.reminders);
    // A contact older than the family's latest one is history: the plan stays as it is.
    if (plan.close.length === 0 && !plan.open) return;
    // Concurrent contacts of one family would each see no open follow-up and open one; a
    // family closed meanwhile gets no new work.
    if (!takesWork(await this.families.lockForWork(event.familyId))) return;
    await this.reminders.updateOpen(
      event.familyId,
      { status: ReminderStatus.Done, doneAt: new Date(), doneBy: event.authorId },
      plan.close,
    );
    await this.openPlanned(event, plan);
  }

  /**
   * The family's latest contact was corrected (made or not, when) within its edit window:
   * the follow-up or retry it planned was planned on wrong facts, so it is cancelled and the
   * contact plans again. What it closed when recorded stays closed, and a reminder planned by
   * an earlier contact is left as it was (unless the corrected plan closes it, as done).
   */
  @OnEvent(ContactEvents.Replanned, { suppressErrors: false })
  async onContactReplanned(event: ContactRecordedEvent): Promise<void> {
    const plan = planAfterContact(event, new Date(), this.config.reminders);
    // The contacts lib took the family lock and checked it is open and this is its latest contact.
    await this.reminders.updateOpenPlannedBy(event.contactId, {
      status: ReminderStatus.Cancelled,
      doneAt: new Date(),
      doneBy: event.authorId,
    });
    await this.reminders.updateOpen(
      event.familyId,
      { status: ReminderStatus.Done, doneAt: new Date(), doneBy: event.authorId },
      plan.close,
    );
    await this.openPlanned(event, plan);
  }

  private async openPlanned(event: ContactRecordedEvent, plan: ContactPlan): Promise<void> {
    if (!plan.open) return;
    if (await this.reminders.findOpen(event.familyId, plan.open.kind)) return;
    const reminder = await this.reminders.insert({
      kind: plan.open.kind,
      familyId: event.familyId,
      teamId: event.teamId,
      assigneeId: (await this.families.assigneeOf(event.familyId)) ?? event.authorId,
      dueAt: plan.open.dueAt,
      sourceContactId: event.contactId,
    });
    this.queue.queueAfterCommit(reminder);
  }

  /**
   * The open work of a family follows it to its new accompanier, or to the supervisor who
   * left it unassigned. The version moves on, so each reminder is queued again.
   */
  @OnEvent(FamilyEvents.Reassigned, { suppressErrors: false })
  async onFamilyReassigned(event: FamilyReassignedEvent): Promise<void> {
    if (event.toAccompanierId) {
      // The family has an accompanier again: the supervisor's call to reassign it is answered.
      await this.reminders.updateOpen(
        event.familyId,
        { status: ReminderStatus.Done, doneAt: new Date(), doneBy: event.actorId },
        [ReminderKind.ReassignFamily],
      );
    }
    const moved = await this.reminders.updateOpen(event.familyId, {
      assigneeId: event.toAccompanierId ?? event.actorId,
    });
    for (const reminder of moved) this.queue.queueAfterCommit(reminder);
  }

  /**
   * A reopened case takes work again, like a new one: its first contact is planned one
   * follow-up cadence ahead, for its accompanier (or the supervisor who reopened an
   * unassigned family). Closing cancelled everything it had open.
   */
  @OnEvent(FamilyEvents.Reopened, { suppressErrors: false })
  async onFamilyReopened(event: FamilyReopenedEvent): Promise<void> {
    const planned = planAfterReopening(new Date(), this.config.reminders);
    const reminder = await this.reminders.insertUnlessOpen({
      kind: planned.kind,
      familyId: event.familyId,
      teamId: event.teamId,
      assigneeId: event.assignedAccompanierId ?? event.actorId,
      dueAt: planned.dueAt,
    });
    if (reminder) this.queue.queueAfterCommit(reminder);
  }

  @OnEvent(FamilyEvents.Closed, { suppressErrors: false })
  async onFamilyClosed(event: FamilyClosedEvent): Promise<void> {
    await this.reminders.updateOpen(event.familyId, {
      status: ReminderStatus.Cancelled,
      doneAt: new Date(),
      doneBy: event.actorId,
    });
  }
}
