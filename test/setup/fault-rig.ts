import { FamilyApi } from '../factories/family.factory';
import {
  ADMIN,
  createTeam,
  createUser,
  login,
  uniqueSuffix,
  type TestUser,
} from '../factories/world.factory';
import { Db, QueueProbe } from './fault-fixtures';
import { PrivateRedis } from './private-redis';
import { startTestApp, type TestApp } from './test-app';
import { WorkerProcess } from './worker-process';

/** What every fault suite stands on: a private Redis, the API on it, a database probe, built workers. */
export interface FaultRig {
  readonly redis: PrivateRedis;
  readonly t: TestApp;
  readonly db: Db;
  readonly probe: QueueProbe;
  /** Every worker started through the rig; all are stopped at the end of the suite. */
  readonly workers: WorkerProcess[];
  startWorker(env?: Record<string, string>): Promise<WorkerProcess>;
  /** How many times the rig's workers moved this reminder, summed. */
  movesOf(reminderId: string): number;
  /** A fresh team with one accompanier, and the API client to act as them. */
  accompanier(tag: string): Promise<{ api: FamilyApi; accompanier: TestUser }>;
  /** Stops the rig's workers (e.g. between tests). */
  stopWorkers(): Promise<void>;
}

/** Starts the rig before the suite (the API with `settings`) and tears it down after, whatever failed. */
export function useFaultRig(settings: Record<string, string> = {}): FaultRig {
  let started: { redis: PrivateRedis; t: TestApp; db: Db; probe: QueueProbe } | undefined;
  const workers: WorkerProcess[] = [];
  const need = () => {
    if (!started) throw new Error('fault rig not started (use it inside tests)');
    return started;
  };

  beforeAll(async () => {
    const redis = await PrivateRedis.start();
    try {
      const t = await startTestApp({ ...settings, REDIS_URL: redis.url });
      started = { redis, t, db: await Db.connect(), probe: new QueueProbe(redis.url) };
    } catch (error) {
      await redis.stop();
      throw error;
    }
  });

  afterAll(async () => {
    try {
      await Promise.all(workers.map((worker) => worker.stop()));
      await started?.probe.close();
      await started?.db.close();
      await started?.t.close();
    } finally {
      await started?.redis.stop();
    }
  });

  return {
    get redis() {
      return need().redis;
    },
    get t() {
      return need().t;
    },
    get db() {
      return need().db;
    },
    get probe() {
      return need().probe;
    },
    workers,
    async startWorker(env = {}) {
      const worker = await WorkerProcess.start(need().redis.url, env);
      workers.push(worker);
      return worker;
    },
    movesOf: (reminderId) => workers.reduce((sum, worker) => sum + worker.moves(reminderId), 0),
    async accompanier(tag) {
      const { t } = need();
      const admin = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
      const team = await createTeam(t.http, admin, `${tag} ${uniqueSuffix()}`);
      return {
        api: new FamilyApi(t.http),
        accompanier: await createUser(t.http, admin, 'accompanier', team.id, tag),
      };
    },
    async stopWorkers() {
      await Promise.all(workers.map((worker) => worker.stop()));
    },
  };
}
