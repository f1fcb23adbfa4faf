import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { ROOT } from './processes';

/** The bench's own database: dropped, recreated and migrated by the app's migrator. */

const MIGRATE = path.join(ROOT, 'dist/apps/api/apps/api/src/database/migrate.js');

function adminUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseNameOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
}

/** Drops the bench database (never another: the name must contain "bench"). */
export async function dropBenchDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  if (!/^[A-Za-z0-9_]*bench[A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`refusing to drop "${name}": the bench database name must contain "bench"`);
  }
  const client = new Client({ connectionString: adminUrlOf(databaseUrl) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Drops the bench database, then creates and migrates it exactly as production does. */
export async function freshMigratedDatabase(databaseUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  await dropBenchDatabase(databaseUrl);
  const migrated = spawnSync(process.execPath, [MIGRATE], {
    cwd: ROOT,
    env: { ...env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (migrated.status !== 0) throw new Error(`migration failed:\n${migrated.stdout}${migrated.stderr}`);
}

/** The server settings that explain a figure. */
export async function postgresFacts(databaseUrl: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const facts: Record<string, string> = {};
    for (const setting of [
      'server_version',
      'shared_buffers',
      'synchronous_commit',
      'fsync',
      'max_connections',
    ]) {
      const row = await client.query<Record<string, string>>(`SHOW ${setting}`);
      facts[setting] = row.rows[0]?.[setting] ?? '';
    }
    return facts;
  } finally {
    await client.end();
  }
}
