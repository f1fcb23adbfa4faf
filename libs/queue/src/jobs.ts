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
  [JobName.ReminderCheck]: { reminderId: string; version: number };
  [JobName.ReminderSweep]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ReminderCheck]: QueueName.Reminders,
  [JobName.ReminderSweep]: QueueName.Reminders,
};

/** Deterministic job id of a reminder check; BullMQ refuses ':' in custom ids. */
export function reminderJobId(reminderId: string, version: number): string {
  return `reminder-${reminderId}-${version}`;
}
