import type { INestApplicationContext } from '@nestjs/common';
import { JobProducer, reminderJobId } from '@accompany/queue';
import { awaitReminder, findReminder, isoIn, recordContact } from '../factories/contact.factory';
import { FamilyApi } from '../factories/family.factory';
import { buildWorld, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';

/** Redis holds only the near future; the sweep brings planned reminders in as they come near. */
const SETTINGS = { REMINDER_HORIZON: 'PT3S', REMINDER_SWEEP_EVERY: 'PT1S', ESCALATION_GRACE: 'P1D' };

describe('reminder horizon', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let world: TestWorld;
  let api: FamilyApi;

  beforeAll(async () => {
    t = await startTestApp(SETTINGS);
    worker = await startTestWorker(SETTINGS);
    world = await buildWorld(t.http);
    api = new FamilyApi(t.http);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const jobOf = async (reminderId: string, version: number): Promise<unknown> =>
    t.app.get(JobProducer).remindersQueue.getJob(reminderJobId(reminderId, version));

  it('should keep a follow-up beyond the horizon out of Redis and make it due once the sweep brings it in', async () => {
    const token = world.a.accompanier.accessToken;
    const family = await api.createFamily(token);
    await recordContact(api, token, family.id, { nextFollowUpAt: isoIn(8000) });
    const planned = await findReminder(api, token, family.id, 'follow_up_contact', 'status=scheduled');
    expect(planned).toBeDefined();
    expect(await jobOf(planned!.id, 1)).toBeUndefined();

    const due = await awaitReminder(api, token, family.id, 'follow_up_contact', 'status=due', 20_000);
    expect(due?.id).toBe(planned!.id);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(due!.dueAt));
  });

  it('should queue a follow-up within the horizon at once', async () => {
    const token = world.a.accompanier.accessToken;
    const family = await api.createFamily(token);
    await recordContact(api, token, family.id, { nextFollowUpAt: isoIn(2000) });
    const planned = await findReminder(api, token, family.id, 'follow_up_contact');
    expect(await jobOf(planned!.id, 1)).toBeDefined();
  });
});
