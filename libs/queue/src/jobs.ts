/** Queues, job names and their payloads: ids only, never names or notes, in Redis. */
export enum QueueName {
  Reminders = 'reminders',
}

export enum JobName {
  /** Look at one reminder: make it due, or escalate it, if its time has come. */
  ReminderCheck = 'reminder.check',
  /** Re-enqueue every open reminder whose job is missing from Redis. */
  ReminderSweep = 'reminder.sweep',
}

export interface JobPayloads {
  /**
   * The reminder as it was at `version`: every change bumps the version, so status and due
   * time go with it. The worker decides on them and moves the row with one UPDATE guarded by
   * id, status and version, which finds nothing once the row has moved on.
   */
  [JobName.ReminderCheck]: { reminderId: string; version: number; status: string; dueAt: string };
  [JobName.ReminderSweep]: Record<string, never>;
}

/** Deterministic job id of a reminder check; BullMQ refuses ':' in custom ids. */
export function reminderJobId(reminderId: string, version: number): string {
  return `reminder-${reminderId}-${version}`;
}
