import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Child processes of a bench run: started from the repository root, killed when the run ends. */

export const ROOT = path.resolve(__dirname, '..', '..');

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping the bench's processes\n`);
    process.exit(130);
  });
}

// The same free-port and private redis-server helpers as the tests.
export { freePort, PrivateRedis } from '../../test/setup/private-redis';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `node <args>` with stdout and stderr in `logFile`; with `ipc`, a message channel too. */
export function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
  ipc = false,
): ChildProcess {
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ipc ? ['ignore', out, out, 'ipc'] : ['ignore', out, out],
  });
  closeSync(out);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** SIGTERM, then SIGKILL after five seconds. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
