/**
 * The raw side of bench/reminders: BullMQ and `pg`, no framework, no logger. It does what the
 * app's worker does at the least: enqueue one delayed job per scheduled reminder (`addBulk`,
 * same job options as the app), then, with MODE=drain, run a worker whose job is one guarded
 * UPDATE of the reminder (`scheduled → due`, version + 1), the transition the app makes.
 * With MODE=enqueue it only enqueues: every reminder as a delayed job, the approach the
 * app's horizon avoids (bench/reminders measures the Redis memory it costs).
 *
 * Plain JavaScript once transpiled (bench/results/.build/raw-worker.cjs); one JSON line per
 * event on stdout.
 */
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';

const QUEUE = 'raw-reminders';
const BATCH = 1000;

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const log = (msg: string, fields: Record<string, unknown> = {}): void => {
  process.stdout.write(`${JSON.stringify({ time: Date.now(), msg, ...fields })}\n`);
};

async function main(): Promise<void> {
  const connection = { url: env('REDIS_URL') };
  const prefix = env('BULL_PREFIX');
  const mode = env('MODE', 'drain');
  const pool = new Pool({ connectionString: env('DATABASE_URL'), max: Number(env('POOL_MAX', '20')) });
  const queue = new Queue(QUEUE, { connection, prefix });

  const started = Date.now();
  const { rows } = await pool.query<{ id: string; version: number; due_at: Date }>(
    `SELECT id, version, due_at FROM reminders WHERE status = 'scheduled' ORDER BY id`,
  );
  for (let i = 0; i < rows.length; i += BATCH) {
    const now = Date.now();
    await queue.addBulk(
      rows.slice(i, i + BATCH).map((row) => ({
        name: 'reminder-check',
        data: { reminderId: row.id, version: row.version },
        opts: {
          jobId: `reminder-${row.id}-${row.version}`,
          delay: Math.max(0, row.due_at.getTime() - now),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: false,
        },
      })),
    );
  }
  log('enqueued', { count: rows.length, durationMs: Date.now() - started });

  const closers: Array<() => Promise<unknown>> = [() => queue.close(), () => pool.end()];
  if (mode === 'drain') {
    const worker = new Worker(
      QUEUE,
      async (job) => {
        const { reminderId, version } = job.data as { reminderId: string; version: number };
        await pool.query(
          `UPDATE reminders SET status = 'due', version = version + 1, updated_at = now()
            WHERE id = $1 AND status = 'scheduled' AND version = $2`,
          [reminderId, version],
        );
      },
      { connection, prefix, concurrency: Number(env('CONCURRENCY', '8')) },
    );
    worker.on('error', (error) => log('worker error', { err: error.message }));
    closers.unshift(() => worker.close());
    log('worker started');
  }

  process.once('SIGTERM', () => {
    void (async () => {
      for (const close of closers) await close().catch(() => undefined);
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  log('failed', { err: (error as Error).message });
  process.exit(1);
});
