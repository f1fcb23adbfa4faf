import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AuditAction, AuditService } from '@accompany/audit';
import { auditActorOf, hasPermission, Permission, type AuthUser } from '@accompany/auth';
import { AppConfig } from '@accompany/config';
import { ContactEvents, type ContactRecordedEvent } from '@accompany/contacts';
import {
  FamiliesService,
  FamilyEvents,
  takesWork,
  type FamilyClosedEvent,
  type FamilyReassignedEvent,
} from '@accompany/families';
import { TransactionRunner } from '@accompany/persistence';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  PreconditionFailedError,
  toPage,
  ValidationFailedError,
  type Page,
} from '@accompany/shared';
import type { ListRemindersQueryDto, ReminderDto, UpdateReminderDto } from './dto/reminder.dto';
import type { ReminderEntity } from './entities/reminder.entity';
import { OPEN_STATUSES, ReminderKind, ReminderStatus } from './reminder-kind';
import { ReminderQueue } from './reminder-queue';
import { type ContactPlan, MAX_SNOOZE_MS, planAfterContact } from './reminder-rules';
import { toReminderDto } from './reminder.mapper';
import { reminderClosed, reminderNotFound, snoozeOutOfRange, teamScopeForbidden } from './reminders.errors';
import { RemindersRepository } from './reminders.repository';

/** Reminders seen and handled by people, and their reactions to contacts and family changes. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly queue: ReminderQueue,
    private readonly families: FamiliesService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  /** Runs inside the contact's transaction: the reminder commits with its cause. */
  @OnEvent(ContactEvents.Recorded, { suppressErrors: false })
  async onContactRecorded(event: ContactRecordedEvent): Promise<void> {
    const plan = planAfterContact(event, new Date(), this.config.reminders);
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
   * contact plans again. What it closed when recorded stays closed.
   */
  @OnEvent(ContactEvents.Replanned, { suppressErrors: false })
  async onContactReplanned(event: ContactRecordedEvent): Promise<void> {
    const plan = planAfterContact(event, new Date(), this.config.reminders);
    // The contacts lib took the family lock and checked it is open and this is its latest contact.
    await this.reminders.updateOpen(
      event.familyId,
      { status: ReminderStatus.Cancelled, doneAt: new Date(), doneBy: event.authorId },
      [ReminderKind.FollowUpContact, ReminderKind.ContactRetry],
    );
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
    });
    this.queue.queueAfterCommit(reminder);
  }

  /**
   * The open work of a family follows it to its new accompanier, or to the supervisor who
   * left it unassigned. The version moves on, so each reminder is queued again.
   */
  @OnEvent(FamilyEvents.Reassigned, { suppressErrors: false })
  async onFamilyReassigned(event: FamilyReassignedEvent): Promise<void> {
    const moved = await this.reminders.updateOpen(event.familyId, {
      assigneeId: event.toAccompanierId ?? event.actorId,
    });
    for (const reminder of moved) this.queue.queueAfterCommit(reminder);
  }

  @OnEvent(FamilyEvents.Closed, { suppressErrors: false })
  async onFamilyClosed(event: FamilyClosedEvent): Promise<void> {
    await this.reminders.updateOpen(event.familyId, {
      status: ReminderStatus.Cancelled,
      doneAt: new Date(),
      doneBy: event.actorId,
    });
  }

  /** `mine`: the caller's reminders; `team` (supervisors): the team's escalated ones. */
  async list(user: AuthUser, query: ListRemindersQueryDto): Promise<Page<ReminderDto>> {
    const team = query.scope === 'team';
    if (team && !hasPermission(user.role, Permission.ReminderReadTeam)) throw teamScopeForbidden();
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, ['timestamp', 'uuid']) : undefined;
    const statuses = team
      ? [ReminderStatus.Escalated].filter((s) => !query.status || s === query.status)
      : query.status
        ? [query.status]
        : [...OPEN_STATUSES];
    if (statuses.length === 0) return { items: [], nextCursor: null };
    const rows = await this.reminders.findPage({
      assigneeId: team ? undefined : user.id,
      teamId: team ? (user.teamId ?? '00000000-0000-0000-0000-000000000000') : undefined,
      statuses,
      after: after ? { dueAt: after[0]!, id: after[1]! } : undefined,
      limit,
    });
    return toPage(rows, limit, (r) => [r.dueAt.toISOString(), r.id], toReminderDto);
  }

  /** Done or snoozed by its assignee, or by a supervisor of the team once it has escalated. */
  async update(
    user: AuthUser,
    id: string,
    dto: UpdateReminderDto,
    expectedVersion?: number,
  ): Promise<ReminderDto> {
    const current = await this.reminders.findById(id);
    if (!current || !this.mayHandle(user, current)) throw reminderNotFound();
    if (!OPEN_STATUSES.includes(current.status)) throw reminderClosed(current.status);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new PreconditionFailedError();
    }
    const now = new Date();
    let changes: Parameters<RemindersRepository['transition']>[1];
    if (dto.status === ReminderStatus.Done) {
      changes = {
        status: ReminderStatus.Done,
        doneAt: now,
        doneBy: user.id,
        note: dto.note ?? null,
        informedAt: dto.informedAt ? new Date(dto.informedAt) : null,
      };
    } else {
      if (dto.note !== undefined || dto.informedAt !== undefined) {
        throw new ValidationFailedError([
          {
            field: dto.note !== undefined ? 'note' : 'informedAt',
            code: 'must_be_absent',
            message: 'only sent with status done',
          },
        ]);
      }
      const dueAt = new Date(dto.dueAt!);
      if (dueAt <= now || dueAt.getTime() - now.getTime() > MAX_SNOOZE_MS) throw snoozeOutOfRange();
      changes = { status: ReminderStatus.Scheduled, dueAt, escalatedAt: null };
    }
    return this.tx.run(async () => {
      const updated = await this.reminders.transition(current, changes);
      if (!updated) throw new PreconditionFailedError();
      await this.audit.record(auditActorOf(user), {
        action: AuditAction.ReminderUpdated,
        entityType: 'reminder',
        entityId: id,
        familyId: current.familyId,
        teamId: current.teamId,
        changedFields: Object.keys(changes),
      });
      this.queue.queueAfterCommit(updated);
      return toReminderDto({ ...current, ...changes, ...updated });
    });
  }

  private mayHandle(user: AuthUser, reminder: ReminderEntity): boolean {
    if (reminder.assigneeId === user.id) return true;
    return (
      reminder.status === ReminderStatus.Escalated &&
      reminder.teamId === user.teamId &&
      hasPermission(user.role, Permission.ReminderReadTeam)
    );
  }
}
