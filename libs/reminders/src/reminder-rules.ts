import type { JobName, JobPayloads } from '@accompany/queue';
import { ReminderKind, ReminderStatus } from './reminder-kind';

export interface ReminderSettings {
  followUpCadenceMs: number;
  contactRetryAfterMs: number;
  escalationGraceMs: number;
}

export interface ContactOutcome {
  contactMade: boolean;
  occurredAt: Date;
  nextFollowUpAt: Date | null;
  /** No other contact of the family happened later: this one speaks for the family's present. */
  latest: boolean;
}

export interface ContactPlan {
  /** Kinds whose open reminders for the family are now done. */
  close: ReminderKind[];
  /** The reminder to open, if any. */
  open: { kind: ReminderKind; dueAt: Date } | null;
}

/** What a contact older than the family's latest one does to its reminders: nothing, it is history. */
const HISTORY: ContactPlan = { close: [], open: null };

/**
 * What a recorded contact does to the family's reminders (domain.md § Follow-up reminder):
 * a successful contact closes the follow-up and any retry and plans the next follow-up
 * (its date, or the cadence); an attempt closes the follow-up and opens one retry. A
 * contact older than the latest one (a paper record entered late) is history and changes
 * nothing. A plan that would fall in the past (the latest contact was long ago) is due now,
 * so it lands in the inbox and escalates only after the grace, never at once.
 */
export function planAfterContact(
  outcome: ContactOutcome,
  now: Date,
  settings: ReminderSettings,
): ContactPlan {
  if (!outcome.latest) return HISTORY;
  if (outcome.contactMade) {
    const planned =
      outcome.nextFollowUpAt ?? new Date(outcome.occurredAt.getTime() + settings.followUpCadenceMs);
    return {
      close: [ReminderKind.FollowUpContact, ReminderKind.ContactRetry, ReminderKind.Inactivity],
      open: { kind: ReminderKind.FollowUpContact, dueAt: notBefore(planned, now) },
    };
  }
  return {
    close: [ReminderKind.FollowUpContact],
    open: { kind: ReminderKind.ContactRetry, dueAt: new Date(now.getTime() + settings.contactRetryAfterMs) },
  };
}

/**
 * The follow-up a case opened or reopened without a contact gets: the first contact is due
 * one cadence after the moment the case (again) takes work.
 */
export function planAfterReopening(
  now: Date,
  settings: ReminderSettings,
): { kind: ReminderKind; dueAt: Date } {
  return { kind: ReminderKind.FollowUpContact, dueAt: new Date(now.getTime() + settings.followUpCadenceMs) };
}

function notBefore(at: Date, now: Date): Date {
  return new Date(Math.max(at.getTime(), now.getTime()));
}

export type CheckOutcome =
  | { action: 'ignore'; reason: 'stale_version' | 'closed' }
  | { action: 'make_due' }
  | { action: 'escalate' }
  | { action: 'wait'; until: Date };

/**
 * What a job for (reminder, version) should do now. A job whose version is not the row's
 * is stale (the reminder was snoozed, done or moved on): it does nothing, which is what
 * makes re-enqueueing, retries and the sweep safe.
 */
export function decideCheck(
  reminder: { status: ReminderStatus; version: number; dueAt: Date },
  jobVersion: number,
  now: Date,
  graceMs: number,
): CheckOutcome {
  if (reminder.version !== jobVersion) return { action: 'ignore', reason: 'stale_version' };
  if (reminder.status === ReminderStatus.Scheduled) {
    return reminder.dueAt <= now ? { action: 'make_due' } : { action: 'wait', until: reminder.dueAt };
  }
  if (reminder.status === ReminderStatus.Due) {
    const escalateAt = new Date(reminder.dueAt.getTime() + graceMs);
    return escalateAt <= now ? { action: 'escalate' } : { action: 'wait', until: escalateAt };
  }
  return { action: 'ignore', reason: 'closed' };
}

/** What a check job carries: the reminder's id and its state at this version. */
export function checkPayloadOf(reminder: {
  id: string;
  version: number;
  status: ReminderStatus;
  dueAt: Date;
}): JobPayloads[JobName.ReminderCheck] {
  return {
    reminderId: reminder.id,
    version: reminder.version,
    status: reminder.status,
    dueAt: reminder.dueAt.toISOString(),
  };
}

/** When the next job for a reminder in this status should run. */
export function nextCheckAt(reminder: { status: ReminderStatus; dueAt: Date }, graceMs: number): Date | null {
  if (reminder.status === ReminderStatus.Scheduled) return reminder.dueAt;
  if (reminder.status === ReminderStatus.Due) return new Date(reminder.dueAt.getTime() + graceMs);
  return null;
}

export const MAX_SNOOZE_MS = 90 * 24 * 3600 * 1000;

/**
 * Redis holds only the near future: a check due beyond the horizon stays a row until a
 * sweep brings it in, so months of planned follow-ups cost PostgreSQL rows, not Redis memory.
 */
export function isWithinHorizon(checkAt: Date, now: Date, horizonMs: number): boolean {
  return checkAt.getTime() <= now.getTime() + horizonMs;
}
