import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What global setup decided for this run, handed to the test files and the teardown. */
export interface RunContext {
  databaseUrl: string;
  redisPrefix: string;
}

const CONTEXT_FILE = join(tmpdir(), `accompany-e2e-${process.ppid}-${process.pid}.json`);
const POINTER = 'ACCOMPANY_E2E_CONTEXT';

export function newRunContext(): RunContext {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/accompany_test_${suffix}`;
  return { databaseUrl: base.toString(), redisPrefix: `accompany-test-${suffix}` };
}

export function saveRunContext(context: RunContext): void {
  writeFileSync(CONTEXT_FILE, JSON.stringify(context));
  process.env[POINTER] = CONTEXT_FILE;
}

export function loadRunContext(): RunContext {
  const file = process.env[POINTER];
  if (!file) throw new Error('test run context missing: run through a test/jest-*.config.js');
  return JSON.parse(readFileSync(file, 'utf8')) as RunContext;
}
