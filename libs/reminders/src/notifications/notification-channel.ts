import type { ReminderKind, ReminderStatus } from '../reminder-kind';

/** What a channel is told: ids and kinds only, never names or case content. */
export interface ReminderNotice {
  reminderId: string;
  kind: ReminderKind;
  status: ReminderStatus.Due | ReminderStatus.Escalated;
  assigneeId: string;
  familyId: string;
  dueAt: Date;
}

/** One way of telling a person that a reminder needs them. */
export abstract class NotificationChannel {
  abstract readonly name: string;
  abstract notify(notice: ReminderNotice): Promise<void>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
