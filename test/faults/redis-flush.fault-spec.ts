import { isoIn, recordContact } from '../factories/contact.factory';
import { pause, poll } from '../setup/fault-fixtures';
import { useFaultRig } from '../setup/fault-rig';

/**
 * Redis loses everything (FLUSHALL) while reminders wait in it as delayed jobs; the worker
 * restarts. Its start-up sweep queues every reminder again from PostgreSQL, and each one
 * becomes due exactly once (version 1 → 2, one "reminder moved" line across the workers).
 */
const FAMILIES = 4;

describe('Redis flushed, then the worker restarted', () => {
  const rig = useFaultRig({ ESCALATION_GRACE: 'P1D' });

  it('should queue every reminder again and deliver each exactly once', async () => {
    const { api, accompanier } = await rig.accompanier('flush');
    await rig.startWorker();

    const ids: string[] = [];
    for (let i = 0; i < FAMILIES; i++) {
      const family = await api.createFamily(accompanier.accessToken);
      await recordContact(api, accompanier.accessToken, family.id, { nextFollowUpAt: isoIn(6000) });
      ids.push(await rig.db.followUpOf(family.id));
    }
    const queued = await poll(
      () => Promise.all(ids.map((id) => rig.probe.queue.getJob(`reminder-${id}-1`))),
      (jobs) => jobs.every((job) => job !== undefined),
    );
    expect(queued.every((job) => job !== undefined)).toBe(true);

    await rig.probe.redis.flushall();
    expect(await rig.probe.queue.getJob(`reminder-${ids[0]}-1`)).toBeUndefined();
    const old = rig.workers[0]!;
    old.kill('SIGTERM');
    await old.waitForExit();
    await rig.startWorker();

    const rows = await poll(
      () => Promise.all(ids.map((id) => rig.db.row(id))),
      (all) => all.every((r) => r.status === 'due'),
      20_000,
    );
    expect(rows).toEqual(ids.map(() => ({ status: 'due', version: 2 })));
    // A few sweeps later (every 2 s) none has moved again.
    await pause(5000);
    expect(await Promise.all(ids.map((id) => rig.db.row(id)))).toEqual(
      ids.map(() => ({ status: 'due', version: 2 })),
    );
    expect(ids.map((id) => rig.movesOf(id))).toEqual(ids.map(() => 1));
    const counts = await rig.probe.counts();
    expect({ active: counts.active, failed: counts.failed }).toEqual({ active: 0, failed: 0 });
  });
});
