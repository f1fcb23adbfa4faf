import { isoIn, recordContact } from '../factories/contact.factory';
import { FamilyApi } from '../factories/family.factory';
import { ADMIN, createTeam, createUser, login, uniqueSuffix } from '../factories/world.factory';
import { Db, pause, poll, QueueProbe } from '../setup/fault-fixtures';
import { PrivateRedis } from '../setup/private-redis';
import { startTestApp, type TestApp } from '../setup/test-app';
import { WorkerProcess } from '../setup/worker-process';

/**
 * Redis loses everything (FLUSHALL) while reminders wait in it as delayed jobs; the worker
 * restarts. Its start-up sweep queues every reminder again from PostgreSQL, and each one
 * becomes due exactly once (version 1 → 2, one "reminder moved" line across the workers).
 */
const FAMILIES = 4;

describe('Redis flushed, then the worker restarted', () => {
  let redis: PrivateRedis | undefined;
  let t: TestApp | undefined;
  let db: Db | undefined;
  let probe: QueueProbe | undefined;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await startTestApp({ REDIS_URL: redis.url, ESCALATION_GRACE: 'P1D' });
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

  it('should queue every reminder again and deliver each exactly once', async () => {
    const api = new FamilyApi(t!.http);
    const admin = (await login(t!.http, ADMIN.email, ADMIN.password)).accessToken;
    const team = await createTeam(t!.http, admin, `Flush ${uniqueSuffix()}`);
    const accompanier = await createUser(t!.http, admin, 'accompanier', team.id, 'flush');
    workers.push(await WorkerProcess.start(redis!.url));

    const ids: string[] = [];
    for (let i = 0; i < FAMILIES; i++) {
      const family = await api.createFamily(accompanier.accessToken);
      await recordContact(api, accompanier.accessToken, family.id, { nextFollowUpAt: isoIn(6000) });
      ids.push(await db!.followUpOf(family.id));
    }
    const queued = await poll(
      () => Promise.all(ids.map((id) => probe!.queue.getJob(`reminder-${id}-1`))),
      (jobs) => jobs.every((job) => job !== undefined),
    );
    expect(queued.every((job) => job !== undefined)).toBe(true);

    await probe!.redis.flushall();
    expect(await probe!.queue.getJob(`reminder-${ids[0]}-1`)).toBeUndefined();
    const old = workers[0]!;
    old.kill('SIGTERM');
    await old.waitForExit();
    workers.push(await WorkerProcess.start(redis!.url));

    const rows = await poll(
      () => Promise.all(ids.map((id) => db!.row(id))),
      (all) => all.every((r) => r.status === 'due'),
      20_000,
    );
    expect(rows).toEqual(ids.map(() => ({ status: 'due', version: 2 })));
    // A few sweeps later (every 2 s) none has moved again.
    await pause(5000);
    expect(await Promise.all(ids.map((id) => db!.row(id)))).toEqual(
      ids.map(() => ({ status: 'due', version: 2 })),
    );
    const moves = ids.map((id) => workers.reduce((sum, worker) => sum + worker.moves(id), 0));
    expect(moves).toEqual(ids.map(() => 1));
    const counts = await probe!.counts();
    expect({ active: counts.active, failed: counts.failed }).toEqual({ active: 0, failed: 0 });
  });
});
