import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { loadRunContext } from './run-context';

/** Sleeps `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolveWait) => setTimeout(resolveWait, ms));
}

/** Polls `probe` until `done` holds or `timeoutMs` passes; returns the last value. */
export async function poll<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() >= deadline) return value;
    await pause(everyMs);
  }
}

export interface RowState {
  status: string;
  version: number;
}

/**
 * A connection of the test's own to the run's database: reads reminder rows and holds a
 * row lock on one, so that a worker's guarded UPDATE blocks inside its job.
 */
export class Db {
  private constructor(
    private readonly reader: Client,
    private readonly locker: Client,
  ) {}

  static async connect(): Promise<Db> {
    const url = loadRunContext().databaseUrl;
    const reader = new Client({ connectionString: url });
    const locker = new Client({ connectionString: url });
    await reader.connect();
    await locker.connect();
    return new Db(reader, locker);
  }

  async row(id: string): Promise<RowState> {
    const { rows } = await this.reader.query<RowState>(
      'SELECT status, version FROM reminders WHERE id = $1',
      [id],
    );
    if (!rows[0]) throw new Error(`reminder ${id} missing`);
    return rows[0];
  }

  /** The open follow-up reminder of a family (the one a contact just wrote). */
  async followUpOf(familyId: string): Promise<string> {
    const { rows } = await this.reader.query<{ id: string }>(
      `SELECT id FROM reminders WHERE family_id = $1 AND kind = 'follow_up_contact'
        AND status = 'scheduled' ORDER BY created_at DESC LIMIT 1`,
      [familyId],
    );
    if (!rows[0]) throw new Error(`no scheduled follow-up for family ${familyId}`);
    return rows[0].id;
  }

  /** Sets the reminder sweep's last success `seconds` ago, as if the sweep had stopped then. */
  async setLastSweepAgo(seconds: number): Promise<void> {
    await this.reader.query(
      `UPDATE reminder_sweeps SET last_success_at = now() - make_interval(secs => $1) WHERE name = 'reminders'`,
      [seconds],
    );
  }

  async lock(id: string): Promise<void> {
    await this.locker.query('BEGIN');
    await this.locker.query('SELECT id FROM reminders WHERE id = $1 FOR UPDATE', [id]);
  }

  async unlock(): Promise<void> {
    await this.locker.query('ROLLBACK');
  }

  /** How many sessions wait on a row lock inside an UPDATE of reminders (a worker mid-job). */
  async blockedUpdates(): Promise<number> {
    const { rows } = await this.reader.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND query ILIKE 'update%reminders%'`,
    );
    return rows[0]?.n ?? 0;
  }

  async close(): Promise<void> {
    await this.locker.end().catch(() => undefined);
    await this.reader.end().catch(() => undefined);
  }
}

/** The reminders queue on the private Redis, as the app names it, for inspection. */
export class QueueProbe {
  readonly queue: Queue;
  readonly redis: Redis;
  readonly keyPrefix: string;

  constructor(redisUrl: string) {
    const prefix = `${loadRunContext().redisPrefix}:bull`;
    this.queue = new Queue('reminders', { connection: { url: redisUrl }, prefix });
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    this.keyPrefix = `${prefix}:reminders`;
  }

  counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('active', 'wait', 'delayed', 'failed', 'prioritized');
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }
}
