import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InactivityService } from '@accompany/reminders';
import { awaitReminder, isoIn, recordContact, reminderRows, sleep } from '../factories/contact.factory';
import { FamilyApi, statusBody } from '../factories/family.factory';
import { buildWorld, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';
import { startTestWorker } from '../setup/test-worker';

/** An active family without a successful contact for INACTIVITY_AFTER raises one inactivity reminder. */
const SETTINGS = {
  INACTIVITY_AFTER: 'PT2S',
  ESCALATION_GRACE: 'P1D',
  REMINDER_SWEEP_EVERY: 'PT1H',
  REMINDER_HORIZON: 'P1D',
};

describe('inactivity reminders', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let world: TestWorld;
  let api: FamilyApi;
  const openInactivity = async (familyId: string): Promise<number> =>
    (await reminderRows(t.app.get(DataSource), familyId)).filter(
      (r) => r.kind === 'inactivity' && ['scheduled', 'due', 'escalated'].includes(r.status),
    ).length;

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

  it('should raise one inactivity reminder for a silent active family, and close it with a successful contact', async () => {
    const token = world.a.accompanier.accessToken;
    const silent = await api.createFamily(token);
    const visited = await api.createFamily(token);
    const open = await api.createFamily(token);
    for (const family of [silent, visited]) {
      expect((await api.patch(`/families/${family.id}`, statusBody('active'), token)).status).toBe(200);
    }
    await sleep(2500);
    await recordContact(api, token, visited.id, { contactMade: true, occurredAt: isoIn(-100) });
    await recordContact(api, token, silent.id, { contactMade: false, occurredAt: isoIn(-100) });

    const inactivity = worker.get(InactivityService);
    await inactivity.raise();
    await inactivity.raise();
    expect(await openInactivity(silent.id)).toBe(1);
    expect(await openInactivity(visited.id)).toBe(0);
    expect(await openInactivity(open.id)).toBe(0);

    const due = await awaitReminder(api, token, silent.id, 'inactivity', 'status=due');
    expect(due?.assigneeId).toBe(world.a.accompanier.id);

    // After the attempt: an older contact would be history and close nothing.
    await recordContact(api, token, silent.id, { contactMade: true, occurredAt: isoIn(0) });
    expect(await openInactivity(silent.id)).toBe(0);
  }, 30_000);
});
