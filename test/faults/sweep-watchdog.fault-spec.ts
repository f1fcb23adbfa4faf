import { isoIn, recordContact } from '../factories/contact.factory';
import { pause, poll } from '../setup/fault-fixtures';
import { useFaultRig } from '../setup/fault-rig';

/**
 * Redis loses its data under a running worker (issue 12, item 5): FLUSHDB takes the sweep's job
 * scheduler with it, the connection never drops, so nothing re-creates it on reconnect. The
 * worker's watchdog notices within a sweep interval and restores the schedule from PostgreSQL.
 * The horizon and intervals are seconds here, so "beyond the horizon" is a quarter of a minute.
 */
const FAST = { REMINDER_HORIZON: 'PT5S', REMINDER_SWEEP_EVERY: 'PT2S', ESCALATION_GRACE: 'P1D' };
const SCHEDULER = 'reminder-sweep';

interface ReadyBody {
  worker: { lastSweepAt: string | null; sweepAgeSeconds: number | null; sweepStale: boolean };
}

describe('the reminder sweep, kept alive by the worker', () => {
  const rig = useFaultRig(FAST);
  const ready = () => rig.t.http.get<ReadyBody>('/health/ready');

  it('should restore the sweep after FLUSHDB without a restart and deliver a reminder due beyond the horizon once', async () => {
    const { api, accompanier } = await rig.accompanier('watchdog');
    const worker = await rig.startWorker(FAST);
    expect(await poll(() => rig.probe.queue.getJobScheduler(SCHEDULER), Boolean)).toBeDefined();

    // Due in 15 s, three horizons away: only a sweep can bring it into Redis.
    const family = await api.createFamily(accompanier.accessToken);
    await recordContact(api, accompanier.accessToken, family.id, { nextFollowUpAt: isoIn(15_000) });
    const id = await rig.db.followUpOf(family.id);
    expect(await rig.probe.queue.getJob(`reminder-${id}-1`)).toBeUndefined();

    await rig.probe.redis.flushdb();
    expect(await rig.probe.queue.getJobScheduler(SCHEDULER)).toBeUndefined();

    const restored = await poll(() => rig.probe.queue.getJobScheduler(SCHEDULER), Boolean, 10_000);
    expect(restored).toBeDefined();
    expect(worker.lines).toContainEqual(
      expect.objectContaining({
        msg: 'reminder sweep lost: scheduling it again and sweeping now',
        schedulerMissing: true,
      }),
    );
    const row = await poll(
      () => rig.db.row(id),
      (r) => r.status !== 'scheduled',
      40_000,
    );
    expect(row).toEqual({ status: 'due', version: 2 });
    // Several sweeps and watchdog looks later it has not moved again.
    await pause(5000);
    expect(await rig.db.row(id)).toEqual({ status: 'due', version: 2 });
    expect(worker.moves(id)).toBe(1);
    expect(worker.running).toBe(true);

    const answer = await ready();
    expect(answer.status).toBe(200);
    expect(answer.body.worker).toMatchObject({ lastSweepAt: expect.any(String), sweepStale: false });
    expect(answer.body.worker.sweepAgeSeconds).toBeLessThan(10);
  });

  it('should make the worker unhealthy when the last sweep is too old, while the API stays ready', async () => {
    await rig.stopWorkers();
    // Sweeps an hour apart: its watchdog looks only once a minute, so the stale record stays.
    const worker = await rig.startWorker({ REMINDER_HORIZON: 'P1D', REMINDER_SWEEP_EVERY: 'PT1H' });
    const fresh = await poll(
      () => Promise.resolve(worker.healthReport()),
      (report) => report?.healthy === true,
      20_000,
    );
    expect(fresh).toMatchObject({ healthy: true, problems: [] });
    expect(worker.healthCheck()).toBe(0);

    await rig.db.setLastSweepAgo(3 * 3600);
    // The verdict is written with every heartbeat (10 s).
    const stale = await poll(
      () => Promise.resolve(worker.healthReport()),
      (report) => report?.healthy === false,
      20_000,
    );
    expect(stale).toMatchObject({ healthy: false, problems: ['sweep'], sweep: { stale: true } });
    expect(worker.healthCheck()).toBe(1);
    const answer = await ready();
    expect(answer.status).toBe(200);
    expect(answer.body.worker.sweepStale).toBe(true);
    expect(answer.body.worker.sweepAgeSeconds).toBeGreaterThanOrEqual(3 * 3600);

    await rig.db.setLastSweepAgo(0);
    const recovered = await poll(
      () => Promise.resolve(worker.healthReport()),
      (report) => report?.healthy === true,
      20_000,
    );
    expect(recovered).toMatchObject({ healthy: true });
    expect(worker.healthCheck()).toBe(0);
  });
});
