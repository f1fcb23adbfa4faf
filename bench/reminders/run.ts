/**
 * bench/reminders: the real worker (built dist, production settings) against a raw BullMQ +
 * pg worker on the same database and a private redis-server. See bench/README.md.
 *
 *   npm run bench:reminders [-- --scenarios=burst,spread,memory --burst=100000 ...]
 *
 * (a) burst: N reminders due at the same instant, waiting in Redis as delayed jobs on both
 *     sides; time from that instant until the last one is `due`, app vs raw.
 * (b) spread: N reminders due evenly over a few minutes; lateness of each (row change − due_at).
 * (c) memory: reminders planned months ahead; Redis memory after the worker's sweep, per count.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { BenchArgs } from '../shared/args';
import { databaseNameOf, dropBenchDatabase, freshMigratedDatabase, postgresFacts } from '../shared/database';
import { PrivateRedis, ROOT, sleep, startChild, stopChild, tail } from '../shared/processes';
import { PostgresCpuMeter, processCpuMs } from '../shared/proc-stats';
import { transpileToCjs } from '../shared/transpile';
import type { Seeded } from '../family-read/seed';
import { clearReminders, drainState, insertReminders, lateness, seedOwners, type Lateness } from './seed';

const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const RAW_SOURCE = path.join(__dirname, 'raw-worker.ts');
const RESULTS_DIR = path.join(ROOT, 'bench/results');
const REDIS_PREFIX = 'accompany-bench';
const BULL_PREFIX = `${REDIS_PREFIX}:bull`;
const SCENARIOS = ['burst', 'spread', 'memory'] as const;
type Scenario = (typeof SCENARIOS)[number];

// ---------------------------------------------------------------------------------------
// Settings

interface Settings {
  scenarios: Scenario[];
  burst: number;
  burstRounds: number;
  /** Seconds between inserting a burst and its due instant: both sides enqueue in between. */
  lead: number;
  spread: number;
  spreadOver: number;
  spreadHorizon: string;
  spreadSweep: string;
  spreadRaw: boolean;
  future: number[];
  near: number;
  naiveUpTo: number;
  concurrency: number;
  logLevel: string;
  /** Extra node arguments for the app's worker (e.g. --prof). */
  appNodeArgs: string[];
  keepDb: boolean;
  databaseUrl: string;
}

function readSettings(argv: string[]): Settings {
  const args = new BenchArgs(argv);
  const list = (arg: string, env: string, fallback: string): string[] =>
    args
      .text(arg, env, fallback)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const scenarios = list('scenarios', 'SCENARIOS', SCENARIOS.join(','));
  for (const s of scenarios) {
    if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}`);
  }
  const future = list('future', 'FUTURE', '10000,100000,1000000').map(Number);
  if (future.some((n) => !Number.isInteger(n) || n < 0)) throw new Error('--future: counts ≥ 0');
  const settings: Settings = {
    scenarios: scenarios as Scenario[],
    burst: args.int('burst', 'BURST', 100_000, 1),
    burstRounds: args.int('burst-rounds', 'BURST_ROUNDS', 3, 1),
    lead: args.int('lead', 'LEAD', 60, 5),
    spread: args.int('spread', 'SPREAD', 10_000, 1),
    spreadOver: args.int('spread-over', 'SPREAD_OVER', 180, 10),
    spreadHorizon: args.text('spread-horizon', 'SPREAD_HORIZON', 'PT1M'),
    spreadSweep: args.text('spread-sweep', 'SPREAD_SWEEP', 'PT15S'),
    spreadRaw: args.flag('spread-raw', 'SPREAD_RAW'),
    future,
    near: args.int('near', 'NEAR', 1000, 0),
    naiveUpTo: args.int('naive-up-to', 'NAIVE_UP_TO', 100_000, 0),
    concurrency: args.int('concurrency', 'CONCURRENCY', 8, 1),
    logLevel: args.text('log-level', 'BENCH_LOG_LEVEL', 'info'),
    appNodeArgs: args.text('app-node-args', 'APP_NODE_ARGS', '').split(' ').filter(Boolean),
    keepDb: args.flag('keep-db', 'KEEP_DB'),
    databaseUrl: args.text(
      'database-url',
      'BENCH_DATABASE_URL',
      'postgres://postgres@127.0.0.1:5432/accompany_bench_reminders',
    ),
  };
  args.refuseUnknown([
    'scenarios',
    'burst',
    'burst-rounds',
    'lead',
    'spread',
    'spread-over',
    'spread-horizon',
    'spread-sweep',
    'spread-raw',
    'future',
    'near',
    'naive-up-to',
    'concurrency',
    'log-level',
    'app-node-args',
    'keep-db',
    'database-url',
  ]);
  if (!databaseNameOf(settings.databaseUrl).includes('bench')) {
    throw new Error('the bench database name must contain "bench" (it is dropped and recreated)');
  }
  return settings;
}

// ---------------------------------------------------------------------------------------
// The two sides, as child processes

interface LogLine {
  msg?: string;
  enqueued?: number;
  count?: number;
  durationMs?: number;
  [key: string]: unknown;
}

/** One worker process (the app's or the raw one) and its JSON log. */
class WorkerChild {
  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  static start(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): WorkerChild {
    return new WorkerChild(name, startChild(args, env, logFile), logFile);
  }

  lines(): LogLine[] {
    if (!existsSync(this.logFile)) return [];
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => {
        try {
          return JSON.parse(line) as LogLine;
        } catch {
          return {};
        }
      });
  }

  /** Waits for the first log line that `match` accepts. */
  async waitFor(match: (line: LogLine) => boolean, timeoutMs: number, what: string): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines().find(match);
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`${this.name} exited while waiting for ${what}:\n${tail(this.logFile)}`);
      }
      if (Date.now() > deadline) throw new Error(`${this.name}: no ${what} within ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  cpuMs(): number | null {
    return processCpuMs(this.child.pid);
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

interface Context {
  settings: Settings;
  redisClient: Redis;
  db: Client;
  meter: PostgresCpuMeter;
  appEnv: (extra: Record<string, string>) => NodeJS.ProcessEnv;
  rawEnv: (mode: 'drain' | 'enqueue') => NodeJS.ProcessEnv;
  rawScript: string;
  owners: Seeded;
}

function logFileOf(name: string): string {
  return path.join(RESULTS_DIR, 'logs', `reminders-${name}.log`);
}

function startApp(ctx: Context, name: string, extra: Record<string, string>): WorkerChild {
  return WorkerChild.start(
    name,
    [...ctx.settings.appNodeArgs, WORKER_MAIN],
    ctx.appEnv(extra),
    logFileOf(name),
  );
}

function startRaw(ctx: Context, name: string, mode: 'drain' | 'enqueue'): WorkerChild {
  return WorkerChild.start(name, [ctx.rawScript], ctx.rawEnv(mode), logFileOf(name));
}

const sweepsDone = (worker: WorkerChild): number =>
  worker.lines().filter((l) => l.msg === 'reminder sweep done').length;

/** How many jobs the app's start-up sweep or the raw side's addBulk put on the queue, and how long it took. */
async function enqueuedBy(worker: WorkerChild, timeoutMs: number): Promise<{ count: number; ms: number }> {
  const line = await worker.waitFor(
    (l) => l.msg === 'reminder sweep done' || l.msg === 'enqueued',
    timeoutMs,
    'the enqueue (sweep / addBulk)',
  );
  return { count: line.enqueued ?? line.count ?? 0, ms: line.durationMs ?? 0 };
}

async function redisMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

// ---------------------------------------------------------------------------------------
// (a) burst

interface BurstRound {
  side: 'app' | 'raw';
  round: number;
  enqueueMs: number;
  drainMs: number;
  jobsPerSecond: number;
  workerCpuUsPerJob: number | null;
  postgresCpuUsPerJob: number | null;
  notOnce: number;
}

async function burstRound(ctx: Context, side: 'app' | 'raw', round: number): Promise<BurstRound> {
  const { settings, db } = ctx;
  await clearReminders(db);
  await ctx.redisClient.flushall();
  const dueAt = new Date(Date.now() + settings.lead * 1000);
  await insertReminders(db, ctx.owners, settings.burst, { at: dueAt });
  await db.query('ANALYZE reminders');

  const worker =
    side === 'app'
      ? // One sweep at start (horizon 1 h); no other sweep during the round.
        startApp(ctx, `burst-app-${round}`, { REMINDER_HORIZON: 'PT1H', REMINDER_SWEEP_EVERY: 'PT30M' })
      : startRaw(ctx, `burst-raw-${round}`, 'drain');
  try {
    const enqueued = await enqueuedBy(worker, settings.lead * 1000);
    if (enqueued.count !== settings.burst) {
      throw new Error(`${worker.name} enqueued ${enqueued.count} of ${settings.burst}`);
    }
    if (side === 'app') {
      // The sweep's job scheduler also runs one sweep at start: let it end before the drain.
      await worker.waitFor(
        () => sweepsDone(worker) >= 2,
        Math.max(0, dueAt.getTime() - Date.now() - 1000),
        "the scheduler's first sweep",
      );
    }
    const untilDue = dueAt.getTime() - Date.now();
    if (untilDue < 1000) {
      throw new Error(
        `${worker.name} finished enqueueing ${-untilDue} ms after the due instant: raise --lead`,
      );
    }
    await sleep(untilDue - 500);
    const cpuBefore = worker.cpuMs();
    const pgBefore = await ctx.meter.snapshot();
    const deadline = Date.now() + 15 * 60 * 1000;
    let state = await drainState(db);
    while (state.due < settings.burst) {
      if (Date.now() > deadline) throw new Error(`${worker.name}: ${state.due} due after 15 minutes`);
      await sleep(500);
      state = await drainState(db);
    }
    const cpuAfter = worker.cpuMs();
    const pgAfter = await ctx.meter.snapshot();
    const late = await lateness(db);
    const perJob = (ms: number | null): number | null => (ms === null ? null : (ms * 1000) / settings.burst);
    return {
      side,
      round,
      enqueueMs: enqueued.ms,
      drainMs: Math.round(late.spanMs),
      jobsPerSecond: Math.round(settings.burst / (late.spanMs / 1000)),
      workerCpuUsPerJob: perJob(cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore),
      postgresCpuUsPerJob: perJob(PostgresCpuMeter.delta(pgBefore, pgAfter)),
      notOnce: state.notOnce,
    };
  } finally {
    await worker.stop();
  }
}

async function runBurst(ctx: Context): Promise<{ rounds: BurstRound[]; ratio: number; pairedRatio: number }> {
  const rounds: BurstRound[] = [];
  for (let round = 1; round <= ctx.settings.burstRounds; round++) {
    // The order alternates so that neither side always runs on a warmer machine.
    const order: Array<'app' | 'raw'> = round % 2 === 1 ? ['app', 'raw'] : ['raw', 'app'];
    for (const side of order) {
      const figures = await burstRound(ctx, side, round);
      console.log(
        `  burst round ${round} ${side}: drained ${ctx.settings.burst} in ${figures.drainMs} ms ` +
          `(${figures.jobsPerSecond} jobs/s; enqueue ${figures.enqueueMs} ms)`,
      );
      rounds.push(figures);
    }
  }
  const rates = (side: 'app' | 'raw'): number[] =>
    rounds.filter((r) => r.side === side).map((r) => r.jobsPerSecond);
  const paired = [...Array(ctx.settings.burstRounds).keys()].map(
    (i) => (rates('app')[i] ?? 0) / (rates('raw')[i] ?? 1),
  );
  return { rounds, ratio: median(rates('app')) / median(rates('raw')), pairedRatio: median(paired) };
}

// ---------------------------------------------------------------------------------------
// (b) spread

interface SpreadFigures {
  side: 'app' | 'raw';
  lateness: Lateness;
  notOnce: number;
  settings: string;
}

async function runSpread(ctx: Context, side: 'app' | 'raw'): Promise<SpreadFigures> {
  const { settings, db } = ctx;
  await clearReminders(db);
  await ctx.redisClient.flushall();
  const from = new Date(Date.now() + 15_000);
  const overMs = settings.spreadOver * 1000;
  await insertReminders(db, ctx.owners, settings.spread, { from, overMs });
  await db.query('ANALYZE reminders');
  const worker =
    side === 'app'
      ? startApp(ctx, 'spread-app', {
          REMINDER_HORIZON: settings.spreadHorizon,
          REMINDER_SWEEP_EVERY: settings.spreadSweep,
        })
      : startRaw(ctx, 'spread-raw', 'drain');
  try {
    const deadline = from.getTime() + overMs + 120_000;
    let state = await drainState(db);
    while (state.due < settings.spread) {
      if (Date.now() > deadline) {
        throw new Error(`${worker.name}: ${state.due} due two minutes after the last`);
      }
      await sleep(1000);
      state = await drainState(db);
    }
    return {
      side,
      lateness: await lateness(db),
      notOnce: state.notOnce,
      settings:
        side === 'app'
          ? `REMINDER_HORIZON=${settings.spreadHorizon}, REMINDER_SWEEP_EVERY=${settings.spreadSweep}`
          : 'every reminder enqueued at start',
    };
  } finally {
    await worker.stop();
  }
}

// ---------------------------------------------------------------------------------------
// (c) memory

interface MemoryFigures {
  planned: number;
  near: number;
  emptyBytes: number;
  appBytes: number;
  appDelayedJobs: number;
  appSweepMs: number;
  naiveBytes: number | null;
}

async function runMemory(ctx: Context, planned: number): Promise<MemoryFigures> {
  const { settings, db } = ctx;
  await clearReminders(db);
  const { owners } = ctx;
  // Months ahead, beyond the horizon: rows only.
  const day = 24 * 3600 * 1000;
  await insertReminders(db, owners, planned, {
    from: new Date(Date.now() + 2 * 3600 * 1000),
    overMs: 180 * day,
  });
  // The same near future at every count: due in 30–50 minutes, within the 1 h horizon.
  await insertReminders(db, owners, settings.near, {
    from: new Date(Date.now() + 30 * 60 * 1000),
    overMs: 20 * 60 * 1000,
  });
  await db.query('VACUUM ANALYZE reminders');

  const measure = async (
    start: () => WorkerChild,
  ): Promise<{ bytes: number; line: { count: number; ms: number } }> => {
    await ctx.redisClient.flushall();
    await ctx.redisClient.memory('PURGE').catch(() => undefined);
    const worker = start();
    try {
      const line = await enqueuedBy(worker, 30 * 60 * 1000);
      await sleep(1000);
      return { bytes: await redisMemory(ctx.redisClient), line };
    } finally {
      await worker.stop();
    }
  };

  await ctx.redisClient.flushall();
  const emptyBytes = await redisMemory(ctx.redisClient);
  const app = await measure(() =>
    startApp(ctx, `memory-app-${planned}`, { REMINDER_HORIZON: 'PT1H', REMINDER_SWEEP_EVERY: 'PT30M' }),
  );
  const appDelayedJobs = await ctx.redisClient.zcard(`${BULL_PREFIX}:reminders:delayed`);
  let naiveBytes: number | null = null;
  if (planned <= settings.naiveUpTo) {
    naiveBytes = (await measure(() => startRaw(ctx, `memory-naive-${planned}`, 'enqueue'))).bytes;
  }
  return {
    planned,
    near: settings.near,
    emptyBytes,
    appBytes: app.bytes,
    appDelayedJobs,
    appSweepMs: app.line.ms,
    naiveBytes,
  };
}

// ---------------------------------------------------------------------------------------
// Helpers and main

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);
const us = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(0));

function warnIfStale(): void {
  const newer = spawnSync('find', ['libs', 'apps/worker/src', '-name', '*.ts', '-newer', WORKER_MAIN], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout;
  if (newer.trim()) {
    console.log('note: sources are newer than dist/ — run `npm run build` to measure the current code');
  }
}

async function main(): Promise<void> {
  const settings = readSettings(process.argv.slice(2));
  if (!existsSync(WORKER_MAIN)) throw new Error('dist/ is missing: run `npm run build`');
  warnIfStale();
  mkdirSync(path.join(RESULTS_DIR, 'logs'), { recursive: true });
  const git = (...args: string[]): string =>
    spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';

  const redis = await PrivateRedis.start();
  const baseEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC' };
  const appEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...baseEnv,
    NODE_ENV: 'production',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX,
    PORT: '1',
    LOG_LEVEL: settings.logLevel,
    JWT_ACCESS_SECRET: randomBytes(32).toString('base64url'),
    JWT_REFRESH_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    WORKER_CONCURRENCY: String(settings.concurrency),
    ...extra,
  });
  const rawEnv = (mode: 'drain' | 'enqueue'): NodeJS.ProcessEnv => ({
    ...baseEnv,
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: redis.url,
    BULL_PREFIX,
    MODE: mode,
    CONCURRENCY: String(settings.concurrency),
    // The app's pool size (libs/persistence).
    POOL_MAX: '20',
  });

  console.log(`bench/reminders: ${settings.scenarios.join(', ')}; private redis-server on ${redis.url}`);
  let started = Date.now();
  await freshMigratedDatabase(settings.databaseUrl, appEnv({}));
  const owners = await seedOwners(settings.databaseUrl);
  console.log(
    `database ${databaseNameOf(settings.databaseUrl)}: migrated and seeded in ${Date.now() - started} ms`,
  );

  const db = new Client({ connectionString: settings.databaseUrl });
  await db.connect();
  const ctx: Context = {
    settings,
    redisClient: new Redis(redis.url),
    db,
    // The bench's own polling backend is not the sides' cost.
    meter: await PostgresCpuMeter.open(settings.databaseUrl, databaseNameOf(settings.databaseUrl), [
      (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid,
    ]),
    appEnv,
    rawEnv,
    rawScript: transpileToCjs(RAW_SOURCE),
    owners,
  };
  const results: Record<string, unknown> = { settings };
  const report: string[] = [];

  try {
    if (settings.scenarios.includes('burst')) {
      started = Date.now();
      console.log(
        `(a) burst: ${settings.burst} reminders due at once, ${settings.burstRounds} rounds per side`,
      );
      const burst = await runBurst(ctx);
      results.burst = burst;
      const side = (name: 'app' | 'raw'): BurstRound[] => burst.rounds.filter((r) => r.side === name);
      const row = (name: 'app' | 'raw', label: string): string => {
        const rs = side(name);
        return `| ${label} | ${median(rs.map((r) => r.drainMs))} | ${median(rs.map((r) => r.jobsPerSecond))} | ${us(
          median(rs.map((r) => r.workerCpuUsPerJob ?? NaN)),
        )} | ${us(median(rs.map((r) => r.postgresCpuUsPerJob ?? NaN)))} | ${median(
          rs.map((r) => r.enqueueMs),
        )} | ${rs.reduce((n, r) => n + r.notOnce, 0)} |`;
      };
      report.push(
        `### (a) burst: ${settings.burst} reminders due at once (medians of ${settings.burstRounds} rounds)`,
        '',
        '| side | drain ms | jobs/s | worker CPU µs/job | PostgreSQL CPU µs/job | enqueue ms | not exactly once |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        row('app', `app worker (LOG_LEVEL=${settings.logLevel}, concurrency ${settings.concurrency})`),
        row('raw', `raw BullMQ + pg (concurrency ${settings.concurrency})`),
        '',
        `ratio app / raw (jobs/s): **${burst.ratio.toFixed(2)}** (median of per-round ratios ${burst.pairedRatio.toFixed(2)}); target ≥ 0.7`,
        '',
      );
      console.log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
    }

    if (settings.scenarios.includes('spread')) {
      started = Date.now();
      console.log(`(b) spread: ${settings.spread} reminders due over ${settings.spreadOver} s`);
      const sides: Array<'app' | 'raw'> = settings.spreadRaw ? ['app', 'raw'] : ['app'];
      const spread: SpreadFigures[] = [];
      for (const side of sides) spread.push(await runSpread(ctx, side));
      results.spread = spread;
      report.push(
        `### (b) spread: ${settings.spread} reminders due evenly over ${settings.spreadOver} s`,
        '',
        '| side | settings | p50 ms late | p99 ms late | max ms late | not exactly once |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
        ...spread.map(
          (s) =>
            `| ${s.side} | ${s.settings} | ${s.lateness.p50.toFixed(0)} | ${s.lateness.p99.toFixed(0)} | ${s.lateness.max.toFixed(0)} | ${s.notOnce} |`,
        ),
        '',
        'Lateness: when the row became `due` (its `updated_at`) minus its `due_at`; target p99 ≤ 1,000 ms.',
        '',
      );
      console.log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
    }

    if (settings.scenarios.includes('memory')) {
      started = Date.now();
      console.log(`(c) memory: ${settings.future.join(', ')} reminders planned 2 h – 6 months ahead`);
      const memory: MemoryFigures[] = [];
      for (const planned of settings.future) {
        const figures = await runMemory(ctx, planned);
        console.log(
          `  ${planned} planned: Redis ${mib(figures.appBytes)} MiB (${figures.appDelayedJobs} delayed jobs), sweep ${figures.appSweepMs} ms`,
        );
        memory.push(figures);
      }
      results.memory = memory;
      report.push(
        `### (c) memory: reminders planned 2 h – 6 months ahead, plus ${settings.near} due within the hour`,
        '',
        '| planned reminders (rows) | Redis used_memory, app (MiB) | delayed jobs in Redis | start-up sweep ms | Redis used_memory, every reminder as a delayed job (MiB) |',
        '| ---: | ---: | ---: | ---: | ---: |',
        ...memory.map(
          (m) =>
            `| ${m.planned.toLocaleString('en')} | ${mib(m.appBytes)} | ${m.appDelayedJobs} | ${m.appSweepMs} | ${
              m.naiveBytes === null ? 'not run' : mib(m.naiveBytes)
            } |`,
        ),
        '',
        `Empty Redis: ${mib(memory[0]?.emptyBytes ?? 0)} MiB.`,
        '',
      );
      console.log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  } finally {
    await ctx.meter.close();
    ctx.redisClient.disconnect();
    await db.end();
    await redis.stop();
    if (!settings.keepDb) await dropBenchDatabase(settings.databaseUrl);
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(
    os.totalmem() / 1024 ** 3,
  )} GiB, Node ${process.version}`;
  const pg = await postgresFactsSafe(settings.databaseUrl);
  results.machine = machine;
  results.build = { gitHead: git('rev-parse', '--short', 'HEAD'), distBuiltAt: statSync(WORKER_MAIN).mtime };
  const file = path.join(RESULTS_DIR, `reminders-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\n${report.join('\n')}`);
  console.log(`machine: ${machine}${pg}`);
  console.log(`results: ${path.relative(ROOT, file)}; worker logs: bench/results/logs/reminders-*.log`);
}

/** PostgreSQL facts once the bench database is gone: read through the maintenance database. */
async function postgresFactsSafe(databaseUrl: string): Promise<string> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  try {
    const facts = await postgresFacts(url.toString());
    return `, PostgreSQL ${facts.server_version} (synchronous_commit=${facts.synchronous_commit})`;
  } catch {
    return '';
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
