import type { ReminderDto } from './dto/reminder.dto';
import type { ReminderEntity } from './entities/reminder.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toReminderDto(r: ReminderEntity): ReminderDto {
  return {
    id: r.id,
    kind: r.kind,
    familyId: r.familyId,
    sourceContactId: r.sourceContactId,
    teamId: r.teamId,
    assigneeId: r.assigneeId,
    dueAt: r.dueAt.toISOString(),
    status: r.status,
    escalatedAt: iso(r.escalatedAt),
    doneAt: iso(r.doneAt),
    note: r.note,
    informedAt: iso(r.informedAt),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
