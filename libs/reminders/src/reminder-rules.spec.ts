import { ReminderKind, ReminderStatus } from './reminder-kind';
import {
  checkPayloadOf,
  decideCheck,
  MAX_SNOOZE_MS,
  isWithinHorizon,
  nextCheckAt,
  planAfterContact,
  planAfterReopening,
} from './reminder-rules';

const DAY = 86_400_000;
const SETTINGS = { followUpCadenceMs: 30 * DAY, contactRetryAfterMs: 3 * DAY, escalationGraceMs: 7 * DAY };
const NOW = new Date('2026-03-10T12:00:00Z');

describe(planAfterContact.name, () => {
  const made = (occurredAt: Date, nextFollowUpAt: Date | null = null) => ({
    contactMade: true,
    occurredAt,
    nextFollowUpAt,
    latest: true,
  });

  it('should close follow-up, retry and inactivity and plan the given follow-up after a successful contact', () => {
    const next = new Date('2026-03-20T09:00:00Z');
    const plan = planAfterContact(made(NOW, next), NOW, SETTINGS);
    expect(plan.close).toEqual([
      ReminderKind.FollowUpContact,
      ReminderKind.ContactRetry,
      ReminderKind.Inactivity,
    ]);
    expect(plan.open).toEqual({ kind: ReminderKind.FollowUpContact, dueAt: next });
  });

  it('should fall back to the cadence, counted from the contact', () => {
    const occurredAt = new Date('2026-03-08T12:00:00Z');
    const plan = planAfterContact(made(occurredAt), NOW, SETTINGS);
    expect(plan.open).toEqual({
      kind: ReminderKind.FollowUpContact,
      dueAt: new Date(occurredAt.getTime() + 30 * DAY),
    });
  });

  it('should close only the follow-up and open a retry counted from the recording, not the attempt', () => {
    const attemptedAt = new Date(NOW.getTime() - 2 * DAY);
    const plan = planAfterContact(
      { contactMade: false, occurredAt: attemptedAt, nextFollowUpAt: null, latest: true },
      NOW,
      SETTINGS,
    );
    expect(plan.close).toEqual([ReminderKind.FollowUpContact]);
    expect(plan.open).toEqual({ kind: ReminderKind.ContactRetry, dueAt: new Date(NOW.getTime() + 3 * DAY) });
    expect(plan.open?.dueAt).not.toEqual(new Date(attemptedAt.getTime() + 3 * DAY));
  });

  it('should leave the plan alone for a contact older than the latest one, made or not', () => {
    const yearsAgo = new Date('2019-05-01T10:00:00Z');
    for (const contactMade of [true, false]) {
      const outcome = { contactMade, occurredAt: yearsAgo, nextFollowUpAt: null, latest: false };
      expect({ contactMade, plan: planAfterContact(outcome, NOW, SETTINGS) }).toEqual({
        contactMade,
        plan: { close: [], open: null },
      });
    }
  });

  it('should make a plan that falls in the past due now, never overdue from the start', () => {
    const yearsAgo = new Date('2019-05-01T10:00:00Z');
    expect(planAfterContact(made(yearsAgo), NOW, SETTINGS).open).toEqual({
      kind: ReminderKind.FollowUpContact,
      dueAt: NOW,
    });
    expect(
      planAfterContact(made(yearsAgo, new Date('2019-05-20T00:00:00Z')), NOW, SETTINGS).open?.dueAt,
    ).toEqual(NOW);
    // Exactly now stays now; a millisecond ahead stays as planned.
    const soon = new Date(NOW.getTime() + 1);
    expect(planAfterContact(made(yearsAgo, NOW), NOW, SETTINGS).open?.dueAt).toEqual(NOW);
    expect(planAfterContact(made(yearsAgo, soon), NOW, SETTINGS).open?.dueAt).toEqual(soon);
  });
});

describe(planAfterReopening.name, () => {
  it('should plan the first follow-up of a reopened case one cadence after the reopening', () => {
    expect(planAfterReopening(NOW, SETTINGS)).toEqual({
      kind: ReminderKind.FollowUpContact,
      dueAt: new Date(NOW.getTime() + 30 * DAY),
    });
  });
});

describe(decideCheck.name, () => {
  const due = new Date('2026-03-10T11:00:00Z');

  it('should ignore a job whose version is stale, whatever the status (snooze safety)', () => {
    expect(
      decideCheck(
        { status: ReminderStatus.Scheduled, version: 3, dueAt: due },
        2,
        NOW,
        SETTINGS.escalationGraceMs,
      ),
    ).toEqual({
      action: 'ignore',
      reason: 'stale_version',
    });
  });

  it('should make a scheduled reminder due once its time has come, and wait otherwise', () => {
    expect(
      decideCheck({ status: ReminderStatus.Scheduled, version: 1, dueAt: due }, 1, NOW, 1000).action,
    ).toBe('make_due');
    const later = new Date('2026-03-11T00:00:00Z');
    expect(decideCheck({ status: ReminderStatus.Scheduled, version: 1, dueAt: later }, 1, NOW, 1000)).toEqual(
      {
        action: 'wait',
        until: later,
      },
    );
  });

  it('should escalate a due reminder only after the grace', () => {
    const grace = 2 * 3_600_000;
    expect(decideCheck({ status: ReminderStatus.Due, version: 2, dueAt: due }, 2, NOW, grace).action).toBe(
      'wait',
    );
    expect(
      decideCheck(
        { status: ReminderStatus.Due, version: 2, dueAt: due },
        2,
        new Date('2026-03-10T13:00:00Z'),
        grace,
      ).action,
    ).toBe('escalate');
  });

  it.each([ReminderStatus.Done, ReminderStatus.Cancelled, ReminderStatus.Escalated])(
    'should leave a %s reminder alone',
    (status) => {
      expect(decideCheck({ status, version: 4, dueAt: due }, 4, NOW, 0)).toEqual({
        action: 'ignore',
        reason: 'closed',
      });
    },
  );
});

describe(nextCheckAt.name, () => {
  it('should check scheduled reminders at their due time and due ones at the end of the grace', () => {
    const due = new Date('2026-03-10T11:00:00Z');
    expect(nextCheckAt({ status: ReminderStatus.Scheduled, dueAt: due }, 5000)).toEqual(due);
    expect(nextCheckAt({ status: ReminderStatus.Due, dueAt: due }, 5000)).toEqual(
      new Date(due.getTime() + 5000),
    );
    expect(nextCheckAt({ status: ReminderStatus.Done, dueAt: due }, 5000)).toBeNull();
  });
});

describe(isWithinHorizon.name, () => {
  it('should keep in Redis only checks due within the horizon', () => {
    const hour = 3_600_000;
    expect(isWithinHorizon(new Date(NOW.getTime() + hour), NOW, hour)).toBe(true);
    expect(isWithinHorizon(new Date(NOW.getTime() + hour + 1), NOW, hour)).toBe(false);
    expect(isWithinHorizon(new Date(NOW.getTime() - 30 * DAY), NOW, hour)).toBe(true);
  });
});

describe('decideCheck at the exact instant', () => {
  it('should make due at the due time itself, and escalate at the end of the grace itself', () => {
    const scheduled = { status: ReminderStatus.Scheduled, version: 1, dueAt: NOW };
    expect(decideCheck(scheduled, 1, NOW, DAY)).toEqual({ action: 'make_due' });
    const due = { status: ReminderStatus.Due, version: 2, dueAt: new Date(NOW.getTime() - DAY) };
    expect(decideCheck(due, 2, NOW, DAY)).toEqual({ action: 'escalate' });
  });
});

describe(checkPayloadOf.name, () => {
  it('should carry the id and the state at this version, times as ISO text, nothing else', () => {
    const reminder = {
      id: '3f1c2b9e-8d4a-4f6b-9c1e-2a7d5b8e0f13',
      version: 4,
      status: ReminderStatus.Due,
      dueAt: NOW,
      familyId: 'not carried',
    };
    expect(checkPayloadOf(reminder)).toEqual({
      reminderId: reminder.id,
      version: 4,
      status: ReminderStatus.Due,
      dueAt: '2026-03-10T12:00:00.000Z',
    });
  });
});

describe('snooze bound', () => {
  it('should allow snoozes of up to 90 days', () => {
    expect(MAX_SNOOZE_MS).toBe(90 * DAY);
  });
});
