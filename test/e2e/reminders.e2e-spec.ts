import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName, JobProducer } from '@accompany/queue';
import { expectProblem, problemFields } from '../factories/admin.helpers';
import {
  awaitReminder,
  findReminder,
  inbox,
  isoIn,
  recordContact,
  reminderRows,
  type Reminder,
} from '../factories/contact.factory';
import { FamilyApi, type FamilyCase } from '../factories/family.factory';
import { buildWorld, createUser, type TestUser, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';

/**
 * Short grace and retry so the lifecycle runs in seconds. The sweep is deliberately rare
 * here: every transition must reach Redis through its own after-commit enqueue, not be
 * rescued by the sweep (which reminders-redis-down.e2e-spec.ts covers).
 */
const TIMINGS = {
  ESCALATION_GRACE: 'PT2S',
  CONTACT_RETRY_AFTER: 'PT2S',
  REMINDER_SWEEP_EVERY: 'PT1H',
  REMINDER_HORIZON: 'P1D',
};
const DAY = 86_400_000;
const FOLLOW_UP = 'follow_up_contact';

describe('reminders', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let api: FamilyApi;
  let db: DataSource;
  let world: TestWorld;
  let colleague: TestUser;
  const acc = () => world.a.accompanier.accessToken;
  const sup = () => world.a.supervisor.accessToken;
  const newFamily = (): Promise<FamilyCase> => api.createFamily(acc());
  /** A family whose next follow-up is due `ms` from now; returns it with its reminder. */
  const followUpIn = async (ms: number): Promise<{ family: FamilyCase; reminder: Reminder }> => {
    const family = await newFamily();
    await recordContact(api, acc(), family.id, { nextFollowUpAt: isoIn(ms) });
    const reminder = await findReminder(api, acc(), family.id, FOLLOW_UP);
    if (!reminder) throw new Error('no follow-up reminder after a contact');
    return { family, reminder };
  };
  const patch = (id: string, body: unknown, token: string, ifMatch?: number) =>
    api.patch(`/reminders/${id}`, body, token, ifMatch === undefined ? {} : { ifMatch });

  beforeAll(async () => {
    t = await startTestApp(TIMINGS);
    worker = await startTestWorker(TIMINGS);
    api = new FamilyApi(t.http);
    db = t.app.get(DataSource);
    world = await buildWorld(t.http);
    colleague = await createUser(t.http, world.admin.accessToken, 'accompanier', world.teamA.id, 'a2');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('should make a follow-up due in the inbox at its time, and close it with the next contact', async () => {
    const { family, reminder } = await followUpIn(2000);
    expect(reminder).toMatchObject({ status: 'scheduled', assigneeId: world.a.accompanier.id, version: 1 });
    const due = await awaitReminder(api, acc(), family.id, FOLLOW_UP, 'status=due');
    expect(due).toMatchObject({ id: reminder.id, status: 'due', dueAt: reminder.dueAt });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(reminder.dueAt));

    const next = isoIn(DAY);
    await recordContact(api, acc(), family.id, { nextFollowUpAt: next });
    const done = await findReminder(api, acc(), family.id, FOLLOW_UP, 'status=done');
    expect(done).toMatchObject({ id: reminder.id, status: 'done', doneAt: expect.any(String) });
    const open = (await inbox(api, acc())).filter((r) => r.familyId === family.id);
    expect(open.map((r) => [r.kind, r.status, r.dueAt])).toEqual([[FOLLOW_UP, 'scheduled', next]]);
  });

  it('should close the follow-up and open a contact_retry when the contact was not made', async () => {
    const { family, reminder } = await followUpIn(DAY);
    const before = Date.now();
    await recordContact(api, acc(), family.id, { contactMade: false, occurredAt: isoIn(-1000) });
    const rows = await reminderRows(db, family.id);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      [FOLLOW_UP, 'done'],
      ['contact_retry', 'scheduled'],
    ]);
    expect(rows[0]!.id).toBe(reminder.id);
    const retry = await awaitReminder(api, acc(), family.id, 'contact_retry', 'status=due');
    expect(retry?.status).toBe('due');
    expect(Date.parse(retry!.dueAt) - before).toBeGreaterThanOrEqual(2000);

    // Happened after the attempt (an older contact would be history and close nothing).
    await recordContact(api, acc(), family.id, { occurredAt: isoIn(0), nextFollowUpAt: isoIn(DAY) });
    expect((await reminderRows(db, family.id)).map((r) => [r.kind, r.status])).toEqual([
      [FOLLOW_UP, 'done'],
      ['contact_retry', 'done'],
      [FOLLOW_UP, 'scheduled'],
    ]);
  });

  it("should escalate after the grace to the team's supervisors, who may then close it", async () => {
    const { family, reminder } = await followUpIn(1000);
    const escalated = await awaitReminder(api, sup(), family.id, FOLLOW_UP, 'scope=team');
    expect(escalated).toMatchObject({
      id: reminder.id,
      status: 'escalated',
      assigneeId: world.a.accompanier.id,
    });
    expect(Date.parse(escalated!.escalatedAt!) - Date.parse(reminder.dueAt)).toBeGreaterThanOrEqual(2000);
    expect((await findReminder(api, acc(), family.id, FOLLOW_UP))?.status).toBe('escalated');
    const teamB = await inbox(api, world.b.supervisor.accessToken, 'scope=team');
    expect(teamB.map((r) => r.id)).not.toContain(reminder.id);
    for (const token of [acc(), world.a.psychologist.accessToken]) {
      expect(expectProblem(await api.get('/reminders?scope=team', token), 403).code).toBe(
        'TEAM_SCOPE_FORBIDDEN',
      );
    }
    for (const token of [
      world.b.supervisor.accessToken,
      world.a.psychologist.accessToken,
      colleague.accessToken,
    ]) {
      expectProblem(await patch(reminder.id, { status: 'done' }, token), 404);
    }
    const closed = await patch(reminder.id, { status: 'done', note: 'Called them myself' }, sup());
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'done', note: 'Called them myself' });
    expect((await inbox(api, sup(), 'scope=team')).map((r) => r.id)).not.toContain(reminder.id);
  });

  it('should bound snoozes, and bring a snoozed reminder back due at its new time only', async () => {
    const { family, reminder } = await followUpIn(2000);
    const originalDue = Date.parse(reminder.dueAt);
    const bad: Array<[unknown, number]> = [
      [{ status: 'scheduled', dueAt: isoIn(-60_000) }, 422],
      [{ status: 'scheduled', dueAt: isoIn(91 * DAY) }, 422],
      [{ status: 'scheduled' }, 400],
      [{ status: 'scheduled', dueAt: 'tomorrow' }, 400],
    ];
    for (const [body, status] of bad) {
      expect(problemFields(expectProblem(await patch(reminder.id, body, acc()), status))).toEqual(['dueAt']);
    }
    const snoozedTo = isoIn(5000);
    const snoozed = await patch(reminder.id, { status: 'scheduled', dueAt: snoozedTo }, acc());
    expect(snoozed.body).toMatchObject({ status: 'scheduled', dueAt: snoozedTo, version: 2 });

    // Past the original time (its job has run by now): still scheduled.
    const early = await awaitReminder(
      api,
      acc(),
      family.id,
      FOLLOW_UP,
      'status=due',
      originalDue + 1500 - Date.now(),
    );
    expect(early).toBeUndefined();
    const due = await awaitReminder(api, acc(), family.id, FOLLOW_UP, 'status=due');
    expect(due).toMatchObject({ id: reminder.id, dueAt: snoozedTo, version: 3 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(snoozedTo));
  });

  it('should never make a reminder due before its time, whatever the due time its job carries', async () => {
    // As after a restore that wound versions back under jobs still in Redis: same version,
    // older due time in the job than in the row.
    const { family, reminder } = await followUpIn(60_000);
    const jobId = `forged-${randomUUID()}`;
    const queued = await t.app
      .get(JobProducer)
      .enqueue(
        JobName.ReminderCheck,
        { reminderId: reminder.id, version: reminder.version, status: 'scheduled', dueAt: isoIn(-60_000) },
        { jobId },
      );
    expect(queued).toBe(true);
    const queue = t.app.get(JobProducer).remindersQueue;
    const deadline = Date.now() + 10_000;
    while ((await queue.getJob(jobId)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await queue.getJob(jobId)).toBeUndefined();
    const rows = await reminderRows(db, family.id);
    expect(rows.filter((r) => r.kind === FOLLOW_UP)).toEqual([
      expect.objectContaining({ id: reminder.id, status: 'scheduled', version: reminder.version }),
    ]);
  });

  it('should plan again when the latest contact is corrected to made or not made, and only then', async () => {
    const family = await newFamily();
    const followUpAt = isoIn(10 * DAY);
    const contact = await recordContact(api, acc(), family.id, { nextFollowUpAt: followUpAt });
    const open = async () =>
      (await reminderRows(db, family.id)).filter((r) => r.status === 'scheduled').map((r) => r.kind);
    expect(await open()).toEqual([FOLLOW_UP]);

    // Nobody answered after all: the follow-up it planned gives way to a retry.
    expect((await api.patch(`/contacts/${contact.id}`, { contactMade: false }, acc())).status).toBe(200);
    expect(await open()).toEqual(['contact_retry']);
    // A correction of the text alone plans nothing.
    expect((await api.patch(`/contacts/${contact.id}`, { summary: 'Reworded' }, acc())).status).toBe(200);
    expect(await open()).toEqual(['contact_retry']);
    // Made after all: the retry gives way to the follow-up at the date the contact named.
    expect((await api.patch(`/contacts/${contact.id}`, { contactMade: true }, acc())).status).toBe(200);
    const rows = await reminderRows(db, family.id);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      [FOLLOW_UP, 'cancelled'],
      ['contact_retry', 'cancelled'],
      [FOLLOW_UP, 'scheduled'],
    ]);
    expect((await findReminder(api, acc(), family.id, FOLLOW_UP))?.dueAt).toBe(followUpAt);

    // Once a later contact has planned, correcting the earlier one changes nothing.
    await recordContact(api, acc(), family.id, { contactMade: false });
    const before = await reminderRows(db, family.id);
    expect((await api.patch(`/contacts/${contact.id}`, { contactMade: false }, acc())).status).toBe(200);
    expect(await reminderRows(db, family.id)).toEqual(before);
  });

  it('should say what a reminder is about, and re-plan only what the corrected contact planned', async () => {
    const family = await newFamily();
    /** The family's reminders as [id, kind, open or cancelled] (the short retry may come due meanwhile). */
    const shape = async () =>
      (await reminderRows(db, family.id)).map((r) => [
        r.id,
        r.kind,
        r.status === 'cancelled' ? 'cancelled' : 'open',
      ]);
    const first = await recordContact(api, acc(), family.id, {
      contactMade: false,
      occurredAt: isoIn(-3_600_000),
    });
    const retry = await findReminder(api, acc(), family.id, 'contact_retry');
    expect(retry).toMatchObject({ familyId: family.id, sourceContactId: first.id });
    // A second attempt finds the retry open and plans nothing of its own.
    const second = await recordContact(api, acc(), family.id, {
      contactMade: false,
      occurredAt: isoIn(-1_800_000),
    });
    expect(await shape()).toEqual([[retry!.id, 'contact_retry', 'open']]);

    // The second attempt was made after all: it re-plans. The first attempt's retry is not its
    // own to cancel; the successful contact closes it as done, and its follow-up names it.
    expect((await api.patch(`/contacts/${second.id}`, { contactMade: true }, acc())).status).toBe(200);
    expect((await reminderRows(db, family.id)).map((r) => [r.kind, r.status])).toEqual([
      ['contact_retry', 'done'],
      [FOLLOW_UP, 'scheduled'],
    ]);
    expect(await findReminder(api, acc(), family.id, FOLLOW_UP)).toMatchObject({
      familyId: family.id,
      sourceContactId: second.id,
    });
  });

  it('should mark a reminder done with a note and informedAt, after which it cannot change', async () => {
    const { reminder } = await followUpIn(DAY);
    const informedAt = isoIn(-3_600_000);
    const done = await patch(reminder.id, { status: 'done', note: 'Visited', informedAt }, acc());
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', note: 'Visited', informedAt, version: 2 });
    expect(done.body.doneAt).toEqual(expect.any(String));
    for (const body of [{ status: 'done' }, { status: 'scheduled', dueAt: isoIn(DAY) }]) {
      expect(expectProblem(await patch(reminder.id, body, acc()), 422).code).toBe('REMINDER_CLOSED');
    }
  });

  it('should answer 412 to a stale If-Match and 200 with the new ETag to the current one', async () => {
    const { reminder } = await followUpIn(DAY);
    expectProblem(await patch(reminder.id, { status: 'scheduled', dueAt: isoIn(2 * DAY) }, acc(), 2), 412);
    const ok = await patch(reminder.id, { status: 'scheduled', dueAt: isoIn(2 * DAY) }, acc(), 1);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expectProblem(await patch(reminder.id, { status: 'done' }, acc(), 1), 412);
  });

  it('should show and let handle a reminder only to its assignee: 404 to others, 403 to admins', async () => {
    const { reminder } = await followUpIn(DAY);
    const others = [
      world.a.supervisor,
      world.a.psychologist,
      colleague,
      world.b.supervisor,
      world.b.accompanier,
    ];
    for (const user of others) {
      const answer = await patch(reminder.id, { status: 'done' }, user.accessToken);
      expect({ user: user.email, status: answer.status }).toEqual({ user: user.email, status: 404 });
      expect((await inbox(api, user.accessToken)).map((r) => r.id)).not.toContain(reminder.id);
    }
    expectProblem(await patch(randomUUID(), { status: 'done' }, acc()), 404);
    expectProblem(await api.get('/reminders', world.admin.accessToken), 403);
    expectProblem(await patch(reminder.id, { status: 'done' }, world.admin.accessToken), 403);
    for (const query of ['scope=everyone', 'status=later']) {
      expectProblem(await api.get(`/reminders?${query}`, acc()), 400);
    }
    expect((await patch(reminder.id, { status: 'done' }, acc())).status).toBe(200);
  });

  it("should cancel a family's open reminders when a supervisor closes it", async () => {
    const { family, reminder } = await followUpIn(DAY);
    const close = await api.patch(
      `/families/${family.id}`,
      { status: 'closed', closureReason: 'family_request' },
      sup(),
    );
    expect(close.status).toBe(200);
    expect(await findReminder(api, acc(), family.id, FOLLOW_UP)).toBeUndefined();
    const cancelled = await findReminder(api, acc(), family.id, FOLLOW_UP, 'status=cancelled');
    expect(cancelled).toMatchObject({ id: reminder.id, status: 'cancelled' });
    expect(expectProblem(await patch(reminder.id, { status: 'done' }, acc()), 422).code).toBe(
      'REMINDER_CLOSED',
    );
  });

  it('should move open reminders to the new accompanier on reassignment, where they come due', async () => {
    const { family, reminder } = await followUpIn(2000);
    const move = await api.patch(`/families/${family.id}`, { assignedAccompanierId: colleague.id }, sup());
    expect(move.status).toBe(200);
    expect(await findReminder(api, acc(), family.id, FOLLOW_UP)).toBeUndefined();
    expectProblem(await patch(reminder.id, { status: 'done' }, acc()), 404);
    const moved = await findReminder(api, colleague.accessToken, family.id, FOLLOW_UP);
    expect(moved).toMatchObject({ id: reminder.id, assigneeId: colleague.id, status: 'scheduled' });
    const due = await awaitReminder(api, colleague.accessToken, family.id, FOLLOW_UP, 'status=due', 8000);
    expect(due).toMatchObject({ id: reminder.id, status: 'due' });
  });
});
