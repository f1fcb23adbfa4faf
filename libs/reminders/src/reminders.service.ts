import { Injectable } from '@nestjs/common';
import { AuditAction, VersionedWriter } from '@accompany/audit';
import { auditActorOf, hasPermission, Permission, type AuthUser } from '@accompany/auth';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, ValidationFailedError, type Page } from '@accompany/shared';
import type { ListRemindersQueryDto, ReminderDto, UpdateReminderDto } from './dto/reminder.dto';
import type { ReminderEntity } from './entities/reminder.entity';
import { OPEN_STATUSES, ReminderStatus } from './reminder-kind';
import { ReminderQueue } from './reminder-queue';
import { MAX_SNOOZE_MS } from './reminder-rules';
import { toReminderDto } from './reminder.mapper';
import { reminderClosed, reminderNotFound, snoozeOutOfRange, teamScopeForbidden } from './reminders.errors';
import { RemindersRepository } from './reminders.repository';

/**
 * The reminder API: reminders seen and handled by people. What reminders do when contacts
 * are recorded or families change is RemindersListener's.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly queue: ReminderQueue,
    private readonly versioned: VersionedWriter,
  ) {}

  /** `mine`: the caller's reminders in their team; `team` (supervisors): the team's escalated ones. */
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
    if (statuses.length === 0 || user.teamId === null) return { items: [], nextCursor: null };
    const rows = await this.reminders.findPage({
      assigneeId: team ? undefined : user.id,
      // Only the caller's current team: one still assigned elsewhere has left that work.
      teamId: user.teamId,
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
    // The transition is guarded by the loaded row's status and version, which If-Match has already matched.
    const updated = await this.versioned.write({
      actor: auditActorOf(user),
      currentVersion: current.version,
      expectedVersion,
      changedFields: Object.keys(changes),
      update: () => this.reminders.transition(current, changes),
      audit: (fields) => ({
        action: AuditAction.ReminderUpdated,
        entityType: 'reminder',
        entityId: id,
        familyId: current.familyId,
        teamId: current.teamId,
        changedFields: fields,
      }),
      afterUpdate: (row) => {
        this.queue.queueAfterCommit(row);
        return Promise.resolve();
      },
    });
    return toReminderDto({ ...current, ...changes, ...updated });
  }

  /** Only within the caller's current team: a user who moved on no longer handles the old team's work. */
  private mayHandle(user: AuthUser, reminder: ReminderEntity): boolean {
    if (reminder.teamId !== user.teamId) return false;
    if (reminder.assigneeId === user.id) return true;
    return (
      reminder.status === ReminderStatus.Escalated && hasPermission(user.role, Permission.ReminderReadTeam)
    );
  }
}
