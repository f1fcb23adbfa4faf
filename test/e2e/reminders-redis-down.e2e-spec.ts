import type { INestApplicationContext } from '@nestjs/common';
import { inbox, isoIn, recordContact, waitFor } from '../factories/contact.factory';
import { FamilyApi, type FamilyCase } from '../factories/family.factory';
import {
  ADMIN,
  createTeam,
  createUser,
  login,
  uniqueSuffix,
  type TestUser,
} from '../factories/world.factory';
import { PrivateRedis } from '../setup/private-redis';
import { startTestApp, type TestApp } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';

/**
 * PostgreSQL is the source of truth for reminders; Redis only carries their jobs. With Redis
 * gone, contacts still record at once; once Redis is back (empty: a private redis-server
 * without persistence), the sweep re-enqueues what the outage lost and every reminder comes due.
 */
const FAMILIES = 3;

describe('reminders while Redis is down', () => {
  let redis: PrivateRedis;
  let t: TestApp | undefined;
  let worker: INestApplicationContext | undefined;
  let api: FamilyApi;
  let accompanier: TestUser;
  const families: FamilyCase[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    // A long grace keeps arrived reminders `due` (not escalated) while the test looks at them.
    const overrides = {
      REDIS_URL: redis.url,
      REMINDER_SWEEP_EVERY: 'PT1S',
      ESCALATION_GRACE: 'P1D',
      CONTACT_RETRY_AFTER: 'PT2S',
    };
    t = await startTestApp(overrides);
    worker = await startTestWorker(overrides);
    api = new FamilyApi(t.http);
    const admin = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
    const team = await createTeam(t.http, admin, `Outage ${uniqueSuffix()}`);
    accompanier = await createUser(t.http, admin, 'accompanier', team.id, 'outage');
    for (let i = 0; i < FAMILIES; i++) families.push(await api.createFamily(accompanier.accessToken));
  });

  afterAll(async () => {
    try {
      // Bring Redis back if a failure left it down, so the worker and the app close cleanly.
      if (redis && !redis.running) await redis.start();
      await worker?.close();
      await t?.close();
    } finally {
      await redis?.stop();
    }
  });

  it('should record contacts promptly while Redis is down and deliver every reminder once it is back', async () => {
    await redis.stop();
    const timings: number[] = [];
    for (const family of families) {
      const started = Date.now();
      const contact = await recordContact(api, accompanier.accessToken, family.id, {
        nextFollowUpAt: isoIn(3000),
      });
      timings.push(Date.now() - started);
      expect(contact.familyId).toBe(family.id);
    }
    expect(timings.filter((ms) => ms >= 2000)).toEqual([]);

    // The reminders are recorded (PostgreSQL), only their jobs are missing.
    const scheduled = await inbox(api, accompanier.accessToken, 'status=scheduled');
    expect(scheduled.map((r) => r.familyId).sort()).toEqual(families.map((f) => f.id).sort());

    await redis.start();
    const due = await waitFor(
      () => inbox(api, accompanier.accessToken, 'status=due'),
      (items) => items.length === FAMILIES,
      { timeoutMs: 15_000 },
    );
    expect(due.map((r) => [r.familyId, r.kind]).sort()).toEqual(
      families.map((f) => [f.id, 'follow_up_contact']).sort(),
    );
    for (const reminder of due) expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(reminder.dueAt));
  });
});
