/**
 * bench/family-read: `GET /api/v1/families/:id` of the real API (built dist, production
 * settings, authenticated, audited) against a hand-written node:http + pg baseline doing
 * the same SQL on the same database, in interleaved rounds. See bench/README.md.
 *
 *   npm run bench:family-read [-- --n=100000 --rounds=5 --duration=5 --connections=10]
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as argon2 from 'argon2';
import autocannon, { type Result } from 'autocannon';
import { Client } from 'pg';
import { summarizeProfile, type ProfileSummary } from './profile-summary';
import { BenchArgs } from '../shared/args';
import { databaseNameOf, dropBenchDatabase, freshMigratedDatabase, postgresFacts } from '../shared/database';
import { freePort, ROOT, sleep, startChild, stopChild, tail } from '../shared/processes';
import { machineCpu, PostgresCpuMeter, processCpuMs } from '../shared/proc-stats';
import { transpileToCjs } from '../shared/transpile';
import { seed } from './seed';

const API_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const FAMILIES_INDEX = path.join(ROOT, 'dist/apps/api/libs/families/src/index.js');
const BASELINE_SOURCE = path.join(__dirname, 'baseline-server.ts');
const PROFILE_HOOK = path.join(__dirname, 'cpu-profile-hook.cjs');
const RESULTS_DIR = path.join(ROOT, 'bench/results');
const SUPERVISOR_EMAIL = 'supervisor@bench.accompany.local';
const SUPERVISOR_PASSWORD = 'bench-supervisor-password-2026';
/** Re-login before a round once the access token is older than this (its TTL is 900 s). */
const TOKEN_REFRESH_MS = 10 * 60 * 1000;

// ---------------------------------------------------------------------------------------
// Settings

interface Settings {
  families: number;
  rounds: number;
  duration: number;
  warmup: number;
  connections: number;
  apiLogLevels: string[];
  profile: boolean;
  keepDb: boolean;
  /** Rounds during which other processes used more cores than this are repeated. */
  maxOtherCores: number;
  /** Extra node arguments for the API children (experiments, e.g. `-r ./hook.cjs`). */
  apiNodeArgs: string[];
  /**
   * Another checkout's root whose built API runs as one more side (at the first log level),
   * so a change and the code before it are measured in the same rounds.
   */
  compareBuild: string | null;
  /** How the baseline hands the secret to jsonwebtoken: `string` (as the API does) or `keyobject`. */
  baselineJwtKey: 'string' | 'keyobject';
  databaseUrl: string;
  redisUrl: string;
}

function readSettings(argv: string[]): Settings {
  const args = new BenchArgs(argv);
  const pick = args.text.bind(args);
  const int = args.int.bind(args);
  const levels = pick('log-levels', 'API_LOG_LEVELS', 'info,warn')
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const level of levels) {
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level)) {
      throw new Error(`unknown API log level ${level}`);
    }
  }
  if (levels.length === 0) throw new Error('at least one API log level is needed');
  const jwtKey = pick('baseline-jwt-key', 'BASELINE_JWT_KEY', 'keyobject');
  if (jwtKey !== 'string' && jwtKey !== 'keyobject') {
    throw new Error('BASELINE_JWT_KEY is string or keyobject');
  }
  const maxOtherCores = Number(pick('max-other-cores', 'MAX_OTHER_CORES', '0.25'));
  if (!(maxOtherCores >= 0)) throw new Error('--max-other-cores / MAX_OTHER_CORES must be a number ≥ 0');
  const databaseUrl = pick(
    'database-url',
    'BENCH_DATABASE_URL',
    'postgres://postgres@127.0.0.1:5432/accompany_bench',
  );
  if (!databaseNameOf(databaseUrl).includes('bench')) {
    throw new Error(
      'BENCH_DATABASE_URL must name a database containing "bench": it is dropped and recreated',
    );
  }
  return {
    families: int('n', 'N', 100_000, 1),
    rounds: int('rounds', 'ROUNDS', 5, 1),
    duration: int('duration', 'DURATION', 5, 1),
    warmup: int('warmup', 'WARMUP', 5, 0),
    connections: int('connections', 'CONNECTIONS', 10, 1),
    apiLogLevels: [...new Set(levels)],
    profile: args.flag('profile', 'PROFILE'),
    keepDb: args.flag('keep-db', 'KEEP_DB'),
    maxOtherCores,
    apiNodeArgs: pick('api-node-args', 'API_NODE_ARGS', '').split(' ').filter(Boolean),
    compareBuild: pick('compare-build', 'COMPARE_BUILD', '') || null,
    baselineJwtKey: jwtKey === 'keyobject' ? 'keyobject' : 'string',
    databaseUrl,
    redisUrl: pick('redis-url', 'REDIS_URL', 'redis://127.0.0.1:6379'),
  };
}

// ---------------------------------------------------------------------------------------
// Child processes

interface Side {
  name: string;
  kind: 'api' | 'baseline';
  /** What the side logs per request. */
  logging: string;
  port: number;
  child: ChildProcess;
  logFile: string;
}

async function waitReady(side: Side, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (side.child.exitCode !== null) {
      throw new Error(`${side.name} exited (${side.child.exitCode}) while starting:\n${tail(side.logFile)}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${side.port}/health/live`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${side.name} did not start within ${timeoutMs} ms:\n${tail(side.logFile)}`);
}

function sendIpc(child: ChildProcess, message: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: unknown): void => {
      const r = reply as { benchProfileReply?: string; ok?: boolean; error?: string };
      if (r.benchProfileReply !== message.benchProfile) return;
      child.off('message', onMessage);
      if (r.ok) resolve();
      else reject(new Error(r.error ?? 'profiling failed'));
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

// ---------------------------------------------------------------------------------------
// Load

interface RoundFigures {
  side: string;
  round: number;
  /** autocannon's mean of per-second samples. */
  reqPerSec: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  meanLatencyMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU of the server process per completed request (ms), from /proc. */
  serverCpuMsPerReq: number | null;
  /** CPU of all postgres processes per completed request (ms). */
  postgresCpuMsPerReq: number | null;
  /** CPU of the load generator (this process) per completed request (ms). */
  loadgenCpuMsPerReq: number;
  /** Machine-wide CPU busy share during the round (all cores). */
  machineBusy: number | null;
  /**
   * Cores used during the round by everything else on the machine (not this server, not
   * PostgreSQL, not the load generator): other work disturbing the round.
   */
  otherCores: number | null;
  /** Cores idle while waiting for I/O during the round (fsyncs: the audit insert commits). */
  ioWaitCores: number | null;
  /** Some side of this round ran while other processes were busy; left out of the medians. */
  disturbed: boolean;
}

interface Auth {
  token: string;
  obtainedAt: number;
  loginPort: number;
}

async function login(port: number): Promise<Auth> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: SUPERVISOR_EMAIL, password: SUPERVISOR_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string };
  return { token: body.accessToken, obtainedAt: Date.now(), loginPort: port };
}

async function load(
  side: Side,
  meter: PostgresCpuMeter,
  settings: Settings,
  auth: Auth,
  familyIds: string[],
  duration: number,
  round: number,
): Promise<RoundFigures> {
  const paths = familyIds.map((id) => `/api/v1/families/${id}`);
  const serverBefore = processCpuMs(side.child.pid);
  const pgBefore = await meter.snapshot();
  const machineBefore = machineCpu();
  const selfBefore = process.cpuUsage();
  const result: Result = await autocannon({
    url: `http://127.0.0.1:${side.port}`,
    connections: settings.connections,
    duration,
    headers: { authorization: `Bearer ${auth.token}` },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: paths[Math.floor(Math.random() * paths.length)] ?? paths[0],
        }),
      },
    ],
  });
  const self = process.cpuUsage(selfBefore);
  const serverAfter = processCpuMs(side.child.pid);
  const machineAfter = machineCpu();
  const pgAfter = await meter.snapshot();
  const done = Math.max(1, result.requests.total);
  const selfMs = (self.user + self.system) / 1000;
  const serverMs = serverBefore !== null && serverAfter !== null ? serverAfter - serverBefore : null;
  const pgMs = PostgresCpuMeter.delta(pgBefore, pgAfter);
  const wallMs = Math.max(1, (machineAfter?.total ?? 0) - (machineBefore?.total ?? 0)) / os.cpus().length;
  return {
    side: side.name,
    round,
    reqPerSec: result.requests.average,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanLatencyMs: result.latency.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuMsPerReq: serverMs !== null ? serverMs / done : null,
    postgresCpuMsPerReq: pgMs !== null ? pgMs / done : null,
    loadgenCpuMsPerReq: selfMs / done,
    machineBusy:
      machineBefore && machineAfter
        ? (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total)
        : null,
    otherCores:
      machineBefore && machineAfter && serverMs !== null && pgMs !== null
        ? Math.max(0, machineAfter.busy - machineBefore.busy - serverMs - pgMs - selfMs) / wallMs
        : null,
    ioWaitCores: machineBefore && machineAfter ? (machineAfter.ioWait - machineBefore.ioWait) / wallMs : null,
    disturbed: false,
  };
}

/** Waits (up to a minute) until the rest of the machine uses at most maxCores for a second. */
async function waitForQuiet(meter: PostgresCpuMeter, maxCores: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  let announced = false;
  while (Date.now() < deadline) {
    const before = machineCpu();
    const pgBefore = await meter.snapshot();
    const selfBefore = process.cpuUsage();
    await sleep(1000);
    const after = machineCpu();
    const pg = PostgresCpuMeter.delta(pgBefore, await meter.snapshot());
    if (!before || !after || pg === null) return;
    const self = process.cpuUsage(selfBefore);
    const wall = (after.total - before.total) / os.cpus().length;
    const others = (after.busy - before.busy - pg - (self.user + self.system) / 1000) / wall;
    if (others <= maxCores) return;
    if (!announced) {
      console.log(`waiting for the machine to calm down (others use ${others.toFixed(2)} cores)…`);
    }
    announced = true;
  }
}

// ---------------------------------------------------------------------------------------
// Checks: both sides answer the same body and headers, and write the same audit row

/** Every response header but those that differ per response by nature, sorted. */
function comparableHeaders(headers: Headers): string {
  const perResponse = new Set(['date', 'x-request-id']);
  return [...headers.entries()]
    .filter(([name]) => !perResponse.has(name))
    .map(([name, value]) => `${name}: ${value}`)
    .sort()
    .join('\n');
}

async function checkEquivalence(
  sides: Side[],
  auth: Auth,
  familyId: string,
  databaseUrl: string,
): Promise<void> {
  const bodies: string[] = [];
  const headerSets: string[] = [];
  for (const side of sides) {
    const response = await fetch(`http://127.0.0.1:${side.port}/api/v1/families/${familyId}`, {
      headers: { authorization: `Bearer ${auth.token}` },
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${side.name} answered ${response.status}: ${text}`);
    if (response.headers.get('etag') !== '"1"') throw new Error(`${side.name} sent no ETag "1"`);
    bodies.push(JSON.stringify(JSON.parse(text)));
    headerSets.push(comparableHeaders(response.headers));
  }
  headerSets.forEach((headers, i) => {
    if (headers !== headerSets[0]) {
      throw new Error(
        `${sides[i]?.name} sends other headers than ${sides[0]?.name}:\n${headers}\n---\n${headerSets[0]}`,
      );
    }
  });
  bodies.forEach((body, i) => {
    if (body !== bodies[0]) {
      throw new Error(`${sides[i]?.name} body differs from ${sides[0]?.name}:\n${body}\n---\n${bodies[0]}`);
    }
  });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const audit = await client.query<Record<string, unknown>>(
      `SELECT actor_id, actor_role, team_id, action, entity_type, entity_id, family_id, ip, changed_fields,
              request_id IS NOT NULL AS has_request_id
         FROM audit_events ORDER BY sequence DESC LIMIT $1`,
      [sides.length],
    );
    const rows = audit.rows.map((r) => JSON.stringify(r));
    if (rows.length !== sides.length || rows.some((r) => r !== rows[0])) {
      throw new Error(`the audit rows differ between sides:\n${rows.join('\n')}`);
    }
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------
// Report

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};
const medianOf = (values: Array<number | null>): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? median(present) : null;
};

interface SideSummary {
  side: string;
  kind: 'api' | 'baseline';
  logging: string;
  medianReqPerSec: number;
  medianP50Ms: number;
  medianP99Ms: number;
  non2xx: number;
  errors: number;
  medianServerCpuMsPerReq: number | null;
  medianPostgresCpuMsPerReq: number | null;
  /** Median cores used by other processes on the machine during this side's rounds. */
  medianOtherCores: number | null;
  /** median req/s of this side / median req/s of the baseline. */
  ratio: number;
  /** median of the per-round ratios (this side / the baseline of the same round). */
  pairedRatio: number;
  perRoundReqPerSec: number[];
  /** This side / the baseline, round by round (the same-run figure a busy machine leaves usable). */
  perRoundRatios: number[];
}

function summarize(sides: Side[], allRounds: RoundFigures[]): SideSummary[] {
  const undisturbed = allRounds.filter((r) => !r.disturbed);
  const rounds = undisturbed.length > 0 ? undisturbed : allRounds;
  const baselineRounds = rounds.filter((r) => r.side === 'baseline');
  const baselineMedian = median(baselineRounds.map((r) => r.reqPerSec));
  return sides.map((side) => {
    const mine = rounds.filter((r) => r.side === side.name);
    const paired = mine.map((r) => {
      const base = baselineRounds.find((b) => b.round === r.round);
      return base ? r.reqPerSec / base.reqPerSec : NaN;
    });
    const rps = median(mine.map((r) => r.reqPerSec));
    return {
      side: side.name,
      kind: side.kind,
      logging: side.logging,
      medianReqPerSec: rps,
      medianP50Ms: median(mine.map((r) => r.p50Ms)),
      medianP99Ms: median(mine.map((r) => r.p99Ms)),
      non2xx: mine.reduce((n, r) => n + r.non2xx, 0),
      errors: mine.reduce((n, r) => n + r.errors + r.timeouts, 0),
      medianServerCpuMsPerReq: medianOf(mine.map((r) => r.serverCpuMsPerReq)),
      medianPostgresCpuMsPerReq: medianOf(mine.map((r) => r.postgresCpuMsPerReq)),
      medianOtherCores: medianOf(mine.map((r) => r.otherCores)),
      ratio: rps / baselineMedian,
      pairedRatio: median(paired.filter((p) => Number.isFinite(p))),
      perRoundReqPerSec: mine.map((r) => Math.round(r.reqPerSec)),
      perRoundRatios: paired.map((p) => Math.round(p * 100) / 100),
    };
  });
}

const fixed = (value: number | null, digits: number): string =>
  value === null ? 'n/a' : value.toFixed(digits);

function markdownTable(summaries: SideSummary[]): string {
  const lines = [
    '| side | per-request logging | req/s (median) | p50 ms | p99 ms | non-2xx | errors | server CPU ms/req | PostgreSQL CPU ms/req | ratio vs baseline (paired) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of summaries) {
    lines.push(
      `| ${s.side} | ${s.logging} | ${s.medianReqPerSec.toFixed(0)} | ${s.medianP50Ms} | ${s.medianP99Ms} | ${s.non2xx} | ${s.errors} | ` +
        `${fixed(s.medianServerCpuMsPerReq, 3)} | ${fixed(s.medianPostgresCpuMsPerReq, 3)} | ` +
        `${s.kind === 'baseline' ? '1 (reference)' : `**${s.ratio.toFixed(2)}** (${s.pairedRatio.toFixed(2)})`} |`,
    );
  }
  return lines.join('\n');
}

interface ProfiledSide {
  side: string;
  requests: number;
  summary: ProfileSummary;
}

/** Sampled CPU per request by package, side by side: where the API spends what the baseline does not. */
function printProfiles(profiled: ProfiledSide[]): void {
  const perReq = (ms: number, requests: number): string => ((ms * 1000) / Math.max(1, requests)).toFixed(0);
  const header = `| package (self time) | ${profiled.map((p) => `${p.side} µs/req`).join(' | ')} |`;
  const categories = [...new Set(profiled.flatMap((p) => p.summary.selfByCategory.map((c) => c.category)))];
  const ms = (p: ProfiledSide, category: string): number =>
    p.summary.selfByCategory.find((c) => c.category === category)?.ms ?? 0;
  categories.sort(
    (a, b) => Math.max(...profiled.map((p) => ms(p, b))) - Math.max(...profiled.map((p) => ms(p, a))),
  );
  console.log('\nCPU profiles (one extra round per side, V8 sampling profiler), sampled CPU per request:\n');
  console.log(header);
  console.log(`| --- | ${profiled.map(() => '---:').join(' | ')} |`);
  console.log(
    `| **all (busy)** | ${profiled.map((p) => `**${perReq(p.summary.busyMs, p.requests)}**`).join(' | ')} |`,
  );
  for (const category of categories.slice(0, 22)) {
    console.log(`| ${category} | ${profiled.map((p) => perReq(ms(p, category), p.requests)).join(' | ')} |`);
  }
  for (const p of profiled) {
    console.log(`\n${p.side}: time with the package on the stack (inclusive), µs/req`);
    for (const c of p.summary.inclusiveByCategory.slice(0, 16)) {
      console.log(`  ${perReq(c.ms, p.requests).padStart(6)}  ${c.category}`);
    }
    console.log(`${p.side}: hottest functions (self), µs/req`);
    for (const f of p.summary.topSelf.slice(0, 12)) {
      console.log(`  ${perReq(f.ms, p.requests).padStart(6)}  ${f.fn}  ${f.where}`);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Main

function warnIfStale(): void {
  const built = statSync(API_MAIN).mtimeMs;
  const newest = (dir: string): number => {
    let latest = 0;
    const walk = (d: string): void => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
          latest = Math.max(latest, statSync(full).mtimeMs);
        }
      }
    };
    if (existsSync(dir)) walk(dir);
    return latest;
  };
  if (Math.max(newest(path.join(ROOT, 'libs')), newest(path.join(ROOT, 'apps/api/src'))) > built) {
    console.log('note: sources are newer than dist/ — run `npm run build` to measure the current code');
  }
}

async function main(): Promise<void> {
  const settings = readSettings(process.argv.slice(2));
  if (!existsSync(API_MAIN) || !existsSync(FAMILIES_INDEX)) {
    throw new Error('dist/ is missing: run `npm run build` (npm run bench:family-read does it for you)');
  }
  warnIfStale();
  const git = (...args: string[]): string =>
    spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const distMtime = statSync(API_MAIN).mtimeMs;
  const build = {
    distBuiltAt: new Date(distMtime).toISOString(),
    gitHead: git('rev-parse', '--short', 'HEAD'),
    uncommittedSourceChanges: git('status', '--porcelain', '--', 'libs', 'apps').split('\n').filter(Boolean)
      .length,
  };
  mkdirSync(path.join(RESULTS_DIR, 'logs'), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');

  // Secrets of this run only; the API and the baseline share them, as they share the DB.
  const secrets = {
    JWT_ACCESS_SECRET: randomBytes(32).toString('base64url'),
    JWT_REFRESH_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
  const baseEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  const apiEnv = (port: number, logLevel: string): NodeJS.ProcessEnv => ({
    ...baseEnv,
    ...secrets,
    NODE_ENV: 'production',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    REDIS_PREFIX: 'accompany-bench',
    PORT: String(port),
    LOG_LEVEL: logLevel,
    TZ: 'UTC',
  });

  console.log(
    `bench/family-read: ${settings.families} families, ${settings.rounds} rounds × ${settings.duration} s, ` +
      `${settings.connections} connections, warm-up ${settings.warmup} s`,
  );

  // 1. Fresh database, migrated exactly as production does, then the bulk seed.
  let started = Date.now();
  await freshMigratedDatabase(settings.databaseUrl, apiEnv(1, 'warn'));
  const passwordHash = await argon2.hash(SUPERVISOR_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const seeded = await seed({
    databaseUrl: settings.databaseUrl,
    families: settings.families,
    supervisorEmail: SUPERVISOR_EMAIL,
    supervisorPasswordHash: passwordHash,
  });
  console.log(
    `database ${databaseNameOf(settings.databaseUrl)}: migrated and seeded in ${Date.now() - started} ms`,
  );

  // 2. The servers: one API per log level, and the baseline.
  started = Date.now();
  // Plain JavaScript: no ts-node hooks in the measured process.
  const baseline = transpileToCjs(BASELINE_SOURCE);
  const sides: Side[] = [];
  for (const level of settings.apiLogLevels) {
    const port = await freePort();
    const logFile = path.join(RESULTS_DIR, 'logs', `family-read-api-${level}.log`);
    const args = [...(settings.profile ? ['-r', PROFILE_HOOK] : []), ...settings.apiNodeArgs, API_MAIN];
    const extra = settings.apiNodeArgs.length ? ` ${settings.apiNodeArgs.join(' ')}` : '';
    sides.push({
      name: `api (LOG_LEVEL=${level})${extra}`,
      kind: 'api',
      logging: level === 'info' ? 'pino `info`: one JSON line per request' : `pino \`${level}\`: none`,
      port,
      child: startChild(args, apiEnv(port, level), logFile, settings.profile),
      logFile,
    });
  }
  const baselinePort = await freePort();
  const baselineLog = path.join(RESULTS_DIR, 'logs', 'family-read-baseline.log');
  sides.push({
    name: 'baseline',
    kind: 'baseline',
    logging: `none (no logger); JWT secret as ${settings.baselineJwtKey}`,
    port: baselinePort,
    child: startChild(
      [...(settings.profile ? ['-r', PROFILE_HOOK] : []), baseline],
      {
        ...baseEnv,
        PORT: String(baselinePort),
        DATABASE_URL: settings.databaseUrl,
        JWT_ACCESS_SECRET: secrets.JWT_ACCESS_SECRET,
        FAMILIES_MODULE: FAMILIES_INDEX,
        POOL_MAX: '20',
        BASELINE_JWT_KEY: settings.baselineJwtKey,
      },
      baselineLog,
      settings.profile,
    ),
    logFile: baselineLog,
  });
  if (settings.compareBuild) {
    const main = path.join(path.resolve(settings.compareBuild), path.relative(ROOT, API_MAIN));
    if (!existsSync(main)) throw new Error(`--compare-build: ${main} is missing (build that checkout first)`);
    const level = settings.apiLogLevels[0] ?? 'info';
    const port = await freePort();
    const logFile = path.join(RESULTS_DIR, 'logs', `family-read-api-compare-${level}.log`);
    const label =
      git('-C', settings.compareBuild, 'rev-parse', '--short', 'HEAD') ||
      path.basename(path.resolve(settings.compareBuild));
    sides.splice(settings.apiLogLevels.length, 0, {
      name: `api ${label} (LOG_LEVEL=${level})`,
      kind: 'api',
      logging: level === 'info' ? 'pino `info`: one JSON line per request' : `pino \`${level}\`: none`,
      port,
      child: startChild(
        [...(settings.profile ? ['-r', PROFILE_HOOK] : []), main],
        apiEnv(port, level),
        logFile,
        settings.profile,
      ),
      logFile,
    });
  }
  await Promise.all(sides.map((side) => waitReady(side)));
  console.log(
    `servers up in ${Date.now() - started} ms: ${sides.map((s) => `${s.name} :${s.port}`).join(', ')}`,
  );

  const meter = await PostgresCpuMeter.open(settings.databaseUrl, databaseNameOf(settings.databaseUrl));

  // 3. A real access token, through the API's login, and a check that both do the same.
  const firstApi = sides[0]!;
  let auth = await login(firstApi.port);
  await checkEquivalence(sides, auth, seeded.familyIds[0]!, settings.databaseUrl);
  console.log('check: identical bodies, headers, ETags and audit rows from every side');

  const freshAuth = async (): Promise<Auth> =>
    Date.now() - auth.obtainedAt > TOKEN_REFRESH_MS ? (auth = await login(firstApi.port)) : auth;

  // 4. Warm-up, then interleaved rounds; the order rotates each round so no side is always first.
  const warmups: RoundFigures[] = [];
  if (settings.warmup > 0) {
    for (const side of sides) {
      warmups.push(
        await load(side, meter, settings, await freshAuth(), seeded.familyIds, settings.warmup, 0),
      );
    }
    console.log(`warm-up: ${warmups.map((w) => `${w.side} ${w.reqPerSec.toFixed(0)} req/s`).join(', ')}`);
  }
  // A round during which other processes used more than maxOtherCores is repeated (and kept,
  // flagged, in the JSON): the machine is shared, and the ratio should not depend on who else
  // ran a test suite at that moment.
  const rounds: RoundFigures[] = [];
  let kept = 0;
  for (let round = 1; kept < settings.rounds && round <= settings.rounds * 3; round++) {
    await waitForQuiet(meter, settings.maxOtherCores);
    const shift = (round - 1) % sides.length;
    const order = [...sides.slice(shift), ...sides.slice(0, shift)];
    const line: string[] = [];
    const these: RoundFigures[] = [];
    for (const side of order) {
      await sleep(500);
      const figures = await load(
        side,
        meter,
        settings,
        await freshAuth(),
        seeded.familyIds,
        settings.duration,
        round,
      );
      these.push(figures);
      const other = figures.otherCores === null ? '' : `, others ${figures.otherCores.toFixed(2)} cores`;
      line.push(`${side.name} ${figures.reqPerSec.toFixed(0)} req/s p99 ${figures.p99Ms} ms${other}`);
    }
    const disturbed = these.some((f) => (f.otherCores ?? 0) > settings.maxOtherCores);
    for (const f of these) f.disturbed = disturbed;
    rounds.push(...these);
    if (!disturbed) kept++;
    console.log(
      `round ${round} (${kept}/${settings.rounds} kept): ${line.join(' | ')}` +
        (disturbed ? ` — DISTURBED (other processes > ${settings.maxOtherCores} cores), repeated` : ''),
    );
  }
  if (kept < settings.rounds) {
    console.log(`warning: only ${kept} undisturbed rounds; the machine is busy with other work`);
  }

  // 5. Optional CPU profiles of one more round per side (PROFILE=1).
  const profiles: ProfiledSide[] = [];
  if (settings.profile) {
    for (const side of sides) {
      const file = path.join(
        RESULTS_DIR,
        `family-read-${stamp}-${side.kind}-${side.name.replace(/\W+/g, '')}.cpuprofile`,
      );
      await sendIpc(side.child, { benchProfile: 'start' });
      const figures = await load(
        side,
        meter,
        settings,
        await freshAuth(),
        seeded.familyIds,
        settings.duration,
        -1,
      );
      await sendIpc(side.child, { benchProfile: 'stop', file });
      profiles.push({ side: side.name, requests: figures.requests, summary: summarizeProfile(file) });
      console.log(`profile written: ${path.relative(ROOT, file)}`);
    }
  }

  // 6. Report.
  const summaries = summarize(sides, rounds);
  if (statSync(API_MAIN).mtimeMs !== distMtime) {
    console.log('note: dist/ was rebuilt during the run; the servers kept the build they started with');
  }
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: await postgresFacts(settings.databaseUrl),
    loadAverageAtEnd: os.loadavg(),
    note: 'load generator (autocannon), both servers and PostgreSQL share these cores',
  };
  const table = markdownTable(summaries);
  console.log(`\n${table}\n`);
  const disturbedRounds = new Set(rounds.filter((r) => r.disturbed).map((r) => r.round)).size;
  console.log(
    `rounds: ${kept} kept` +
      (disturbedRounds ? `, ${disturbedRounds} disturbed by other processes and repeated (in the JSON)` : ''),
  );
  for (const s of summaries) console.log(`per-round req/s, ${s.side}: ${s.perRoundReqPerSec.join(', ')}`);
  for (const s of summaries.filter((x) => x.kind === 'api')) {
    console.log(`per-round ratio vs baseline, ${s.side}: ${s.perRoundRatios.join(', ')}`);
  }
  console.log(
    `\nmachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, ` +
      `PostgreSQL ${machine.postgres.server_version} (synchronous_commit=${machine.postgres.synchronous_commit}); ` +
      'load generator, servers and PostgreSQL share the machine',
  );
  console.log(
    `build: dist/ of ${build.distBuiltAt} (HEAD ${build.gitHead}, ${build.uncommittedSourceChanges} uncommitted ` +
      'source files under libs/ and apps/ when the run started)',
  );
  if (profiles.length > 0) printProfiles(profiles);

  const file = path.join(RESULTS_DIR, `family-read-${stamp}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        benchmark: 'family-read',
        at: new Date().toISOString(),
        settings: { ...settings, databaseUrl: undefined },
        build,
        machine,
        summaries,
        rounds,
        warmups,
        profiles,
        markdown: table,
      },
      null,
      2,
    ),
  );
  console.log(
    `\nresults: ${path.relative(ROOT, file)}; server logs: ${path.relative(ROOT, path.join(RESULTS_DIR, 'logs'))}/`,
  );

  const failed = summaries.filter((s) => s.non2xx > 0 || s.errors > 0);
  for (const s of failed) {
    console.error(`FAILED: ${s.side} had ${s.non2xx} non-2xx answers and ${s.errors} errors`);
  }
  await meter.close();
  for (const side of sides) await stopChild(side.child);
  if (!settings.keepDb) await dropBenchDatabase(settings.databaseUrl);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
