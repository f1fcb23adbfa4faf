import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { Role, UserEvents, UsersService, type UserLeftTeamEvent } from '@accompany/auth';
import { FamilyEvents, type FamilyReleasedEvent } from '@accompany/families';
import { ReminderKind, ReminderStatus } from './reminder-kind';
import { ReminderQueue } from './reminder-queue';
import { RemindersRepository, type ReminderChanges } from './reminders.repository';

/**
 * Work never waits on someone who left. When a user leaves their post in a team (moved,
 * deactivated, given another role), their open reminders there go to the team's supervisor,
 * and each family their departure released gets a `reassign_family` reminder, due at once,
 * telling the supervisor to assign it again. A team left without an active supervisor gets
 * both escalated instead, where its next supervisor finds them (`scope=team`). Runs inside
 * the transaction of the user's change.
 */
@Injectable()
export class StaffDepartureListener {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly queue: ReminderQueue,
    private readonly users: UsersService,
  ) {}

  @OnEvent(UserEvents.LeftTeam, { suppressErrors: false })
  async onUserLeftTeam(event: UserLeftTeamEvent): Promise<void> {
    const supervisor = await this.supervisorOf(event.teamId);
    const moved = await this.reminders.updateOpenOfAssignee(
      event.userId,
      event.teamId,
      supervisor ? { assigneeId: supervisor } : escalation(),
    );
    for (const reminder of moved) this.queue.queueAfterCommit(reminder);
  }

  @OnEvent(FamilyEvents.Released, { suppressErrors: false })
  async onFamilyReleased(event: FamilyReleasedEvent): Promise<void> {
    const supervisor = await this.supervisorOf(event.teamId);
    const reminder = await this.reminders.insertUnlessOpen({
      kind: ReminderKind.ReassignFamily,
      familyId: event.familyId,
      teamId: event.teamId,
      // With nobody to hand it to, it stays with the leaver, escalated to the team (the leaver
      // no longer sees reminders of a team they left).
      assigneeId: supervisor ?? event.fromAccompanierId,
      dueAt: new Date(),
    });
    if (!reminder) return;
    if (supervisor) this.queue.queueAfterCommit(reminder);
    else await this.reminders.transition(reminder, escalation());
  }

  /** The team's longest-serving active supervisor, who takes over; null when it has none. */
  private async supervisorOf(teamId: string): Promise<string | null> {
    return (await this.users.activeIdsWithRole(teamId, Role.Supervisor))[0] ?? null;
  }
}

function escalation(): ReminderChanges {
  return { status: ReminderStatus.Escalated, escalatedAt: new Date() };
}
