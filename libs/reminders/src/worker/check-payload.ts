import { isUUID } from 'class-validator';
import { ReminderStatus } from '../reminder-kind';
import type { CheckJob } from './reminder-check.service';

const STATUSES: readonly string[] = Object.values(ReminderStatus);

/** Job data read from Redis is untrusted input: checked before use. */
export function checkPayload(data: unknown): CheckJob {
  const { reminderId, version, status, dueAt } = (data ?? {}) as Record<string, unknown>;
  if (typeof reminderId !== 'string' || !isUUID(reminderId) || !Number.isInteger(version)) {
    throw new Error('invalid reminder job payload');
  }
  const job: CheckJob = { reminderId, version: version as number };
  if (status === undefined && dueAt === undefined) return job;
  const at = typeof dueAt === 'string' ? new Date(dueAt) : null;
  if (typeof status !== 'string' || !STATUSES.includes(status) || !at || Number.isNaN(at.getTime())) {
    throw new Error('invalid reminder job payload');
  }
  return { ...job, at: { status: status as ReminderStatus, dueAt: at } };
}
