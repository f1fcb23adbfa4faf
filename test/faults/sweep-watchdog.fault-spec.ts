import { isoIn, recordContact } from '../factories/contact.factory';
import { FamilyApi } from '../factories/family.factory';
import { ADMIN, createTeam, createUser, login, uniqueSuffix } from '../factories/world.factory';
import { Db, pause, poll, QueueProbe } from '../setup/fault-fixtures';
import { PrivateRedis } from '../setup/private-redis';
import { startTestApp, type TestApp } from '../setup/test-app';
import { WorkerProcess } from '../setup/worker-process';

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
  let redis: PrivateRedis | undefined;
  let t: TestApp | undefined;
  let db: Db | undefined;
  let probe: QueueProbe | undefined;
  const workers: WorkerProcess[] = [];
  const ready = () => t!.http.get<ReadyBody>('/health/ready');

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await startTestApp({ ...FAST, REDIS_URL: redis.url });
    db = await Db.connect();
    probe = new QueueProbe(redis.url);
  });

  afterAll(async () => {
    try {
      await Promise.all(workers.map((worker) => worker.stop()));
      await probe?.close();
      await db?.close();
      await t?.close();
    } finally {
      await redis?.stop();
    }
  });

  it('should restore the sweep after FLUSHDB without a restart and deliver a reminder due beyond the horizon once', async () => {
    const api = new FamilyApi(t!.http);
    const admin = (await login(t!.http, ADMIN.email, ADMIN.password)).accessToken;
    const team = await createTeam(t!.http, admin, `Watchdog ${uniqueSuffix()}`);
    const accompanier = await createUser(t!.http, admin, 'accompanier', team.id, 'watchdog');
    const worker = await WorkerProcess.start(redis!.url, FAST);
    workers.push(worker);
    expect(await poll(() => probe!.queue.getJobScheduler(SCHEDULER), Boolean)).toBeDefined();

    // Due in 15 s, three horizons away: only a sweep can bring it into Redis.
    const family = await api.createFamily(accompanier.accessToken);
    await recordContact(api, accompanier.accessToken, family.id, { nextFollowUpAt: isoIn(15_000) });
    const id = await db!.followUpOf(family.id);
    expect(await probe!.queue.getJob(`reminder-${id}-1`)).toBeUndefined();

    await probe!.redis.flushdb();
    expect(await probe!.queue.getJobScheduler(SCHEDULER)).toBeUndefined();

    const restored = await poll(() => probe!.queue.getJobScheduler(SCHEDULER), Boolean, 10_000);
    expect(restored).toBeDefined();
    expect(worker.lines).toContainEqual(
      expect.objectContaining({
        msg: 'reminder sweep lost: scheduling it again and sweeping now',
        schedulerMissing: true,
      }),
    );
    const row = await poll(
      () => db!.row(id),
      (r) => r.status !== 'scheduled',
      40_000,
    );
    expect(row).toEqual({ status: 'due', version: 2 });
    // Several sweeps and watchdog looks later it has not moved again.
    await pause(5000);
    expect(await db!.row(id)).toEqual({ status: 'due', version: 2 });
    expect(worker.moves(id)).toBe(1);
    expect(worker.running).toBe(true);

    const answer = await ready();
    expect(answer.status).toBe(200);
    expect(answer.body.worker).toMatchObject({ lastSweepAt: expect.any(String), sweepStale: false });
    expect(answer.body.worker.sweepAgeSeconds).toBeLessThan(10);
  });

  it('should make the worker unhealthy when the last sweep is too old, while the API stays ready', async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    // Sweeps an hour apart: its watchdog looks only once a minute, so the stale record stays.
    const worker = await WorkerProcess.start(redis!.url, {
      REMINDER_HORIZON: 'P1D',
      REMINDER_SWEEP_EVERY: 'PT1H',
    });
    workers.push(worker);
    const fresh = await poll(
      () => Promise.resolve(worker.healthReport()),
      (report) => report?.healthy === true,
      20_000,
    );
    expect(fresh).toMatchObject({ healthy: true, problems: [] });
    expect(worker.healthCheck()).toBe(0);

    await db!.setLastSweepAgo(3 * 3600);
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

    await db!.setLastSweepAgo(0);
    const recovered = await poll(
      () => Promise.resolve(worker.healthReport()),
      (report) => report?.healthy === true,
      20_000,
    );
    expect(recovered).toMatchObject({ healthy: true });
    expect(worker.healthCheck()).toBe(0);
  });
});
