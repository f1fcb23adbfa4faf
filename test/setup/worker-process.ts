import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadRunContext } from './run-context';

/** npm scripts run from the repository root. */
const ROOT = resolve(process.cwd());
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
/** The worker container's health check, run as Docker runs it. */
export const WORKER_HEALTHCHECK = join(ROOT, 'docker/worker-healthcheck.cjs');

/** Newest modification time of the TypeScript sources under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ (`npm run build`) when the worker's entry point is missing or older than apps/ and libs/. */
export function ensureBuilt(): void {
  const built = existsSync(WORKER_MAIN) ? statSync(WORKER_MAIN).mtimeMs : 0;
  const sources = Math.max(newestSource(join(ROOT, 'apps')), newestSource(join(ROOT, 'libs')));
  if (built >= sources) return;
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}

export interface LogLine {
  msg?: string;
  reminderId?: string;
  [key: string]: unknown;
}

/**
 * The built worker (`node dist/.../main.js`) as a child process on the run's database and
 * Redis prefix, its JSON log lines kept for the test to read. Killed when the test process
 * exits, so a failing suite cannot leave it behind.
 */
export class WorkerProcess {
  readonly lines: LogLine[] = [];
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly killOnExit = (): void => {
    if (!this.exitInfo) this.child.kill('SIGKILL');
  };

  private constructor(
    private readonly child: ChildProcess,
    /** This worker's WORKER_HEALTH_FILE. */
    readonly healthFile: string,
  ) {
    let buffer = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const part of parts) {
        if (!part.trim()) continue;
        try {
          this.lines.push(JSON.parse(part) as LogLine);
        } catch {
          this.lines.push({ msg: part });
        }
      }
    });
    child.stderr?.resume();
    this.exited = new Promise((resolveExit) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        process.off('exit', this.killOnExit);
        resolveExit(this.exitInfo);
      });
    });
    process.once('exit', this.killOnExit);
  }

  /** Starts a worker with `REDIS_URL` and extra `env`, and waits for its "worker started" line. */
  static async start(redisUrl: string, env: Record<string, string> = {}): Promise<WorkerProcess> {
    const context = loadRunContext();
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: context.databaseUrl,
      REDIS_PREFIX: context.redisPrefix,
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'info',
      ESCALATION_GRACE: 'P1D',
      REMINDER_HORIZON: 'P1D',
      REMINDER_SWEEP_EVERY: 'PT2S',
      // A dead worker's job is handed out again within a few seconds instead of a minute.
      QUEUE_LOCK_DURATION: 'PT2S',
      QUEUE_STALLED_INTERVAL: 'PT1S',
      WORKER_HEALTH_FILE: join(tmpdir(), `accompany-worker-health-${randomUUID()}.json`),
      ...env,
    };
    delete childEnv.NODE_OPTIONS;
    const child = spawn(process.execPath, [WORKER_MAIN], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child, childEnv.WORKER_HEALTH_FILE!);
    const deadline = Date.now() + 20_000;
    while (!worker.lines.some((line) => line.msg === 'worker started')) {
      if (worker.exitInfo || Date.now() > deadline) {
        worker.kill('SIGKILL');
        throw new Error(`worker did not start: ${JSON.stringify(worker.lines.slice(-5))}`);
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    }
    return worker;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitInfo === null;
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.exitInfo) this.child.kill(signal);
  }

  /** Waits for the process to end; rejects after `timeoutMs`. */
  waitForExit(timeoutMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return Promise.race([
      this.exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`worker ${this.pid} still running`)), timeoutMs).unref(),
      ),
    ]);
  }

  /** Kills with SIGKILL (no-op once ended) and waits for the exit. */
  async stop(): Promise<void> {
    this.kill('SIGKILL');
    await this.exited;
    // A killed worker cannot remove its health file itself.
    rmSync(this.healthFile, { force: true });
  }

  /** The worker's own health verdict as its container's health check would read it, or null. */
  healthReport(): { healthy: boolean; problems: string[]; sweep: { stale: boolean } } | null {
    try {
      return JSON.parse(readFileSync(this.healthFile, 'utf8')) as {
        healthy: boolean;
        problems: string[];
        sweep: { stale: boolean };
      };
    } catch {
      return null;
    }
  }

  /** Runs docker/worker-healthcheck.cjs against this worker; its exit code (0 healthy). */
  healthCheck(): number {
    try {
      execSync(`"${process.execPath}" "${WORKER_HEALTHCHECK}"`, {
        env: { PATH: process.env.PATH, WORKER_HEALTH_FILE: this.healthFile },
        stdio: 'pipe',
      });
      return 0;
    } catch (error) {
      return (error as { status?: number }).status ?? 1;
    }
  }

  /** How many "reminder moved" lines this worker logged for `reminderId`. */
  moves(reminderId: string): number {
    return this.lines.filter((line) => line.msg === 'reminder moved' && line.reminderId === reminderId)
      .length;
  }
}
