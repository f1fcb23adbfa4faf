import { existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseNameOf } from '@accompany/persistence';
import { CliError, EXIT_REFUSED, parsed, sha256File } from './backup-cli';
import { connect, countRows, schemaVersion, serverVersion } from './backup-database';
import {
  type BackupManifest,
  buildManifest,
  DUMP_FILE,
  MANIFEST_FILE,
  serializeManifest,
  totalRows,
} from './backup-manifest';
import { libpqTarget, runPgTool } from './backup-pg-tools';

const USAGE =
  'usage: npm run backup -- DIR   (DIR must not exist; it receives database.dump and manifest.json)';

/**
 * `npm run backup -- DIR`: the whole database as a pg_dump custom-format archive plus a
 * manifest (time, schema version, rows per table). Dump and counts read one exported
 * snapshot, so the counts are exactly what the dump holds even while the API writes.
 * DIR appears only once complete (written as DIR.partial-<pid>, then renamed).
 */
export async function createBackup(databaseUrl: string, argv: string[]): Promise<void> {
  const target = resolve(targetOf(argv));
  if (existsSync(target)) throw new CliError(`${target} already exists; choose a new name`, EXIT_REFUSED);
  const partial = `${target}.partial-${process.pid}`;
  // The dump holds personal data: readable by the owner only.
  await mkdir(partial, { mode: 0o700 });
  try {
    const manifest = await dumpWithManifest(databaseUrl, partial);
    await rename(partial, target);
    process.stdout.write(
      `backup written to ${target}: ${Object.keys(manifest.tables).length} tables, ` +
        `${totalRows(manifest.tables)} rows, schema ${manifest.schemaVersion ?? '(none)'}\n`,
    );
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

function targetOf(argv: string[]): string {
  const { positionals } = parsed(
    () => parseArgs({ args: argv, allowPositionals: true, strict: true }),
    USAGE,
  );
  if (positionals.length !== 1 || !positionals[0]) throw new CliError(USAGE, EXIT_REFUSED);
  return positionals[0];
}

async function dumpWithManifest(databaseUrl: string, dir: string): Promise<BackupManifest> {
  const client = await connect(databaseUrl);
  const libpq = await libpqTarget(databaseUrl);
  try {
    // The transaction stays open until pg_dump is done, keeping the snapshot alive.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = await client.query<{ id: string; at: Date }>(
      'SELECT pg_export_snapshot() AS id, now() AS at',
    );
    const tables = await countRows(client);
    const version = await schemaVersion(client);
    const server = await serverVersion(client);
    const pgDumpVersion = (await runPgTool('pg_dump', ['--version'])).trim();
    const dumpPath = join(dir, DUMP_FILE);
    await runPgTool('pg_dump', [
      '--format=custom',
      `--snapshot=${snapshot.rows[0]?.id ?? ''}`,
      '--no-password',
      `--file=${dumpPath}`,
      `--dbname=${libpq.uri}`,
    ]);
    await client.query('COMMIT');
    await chmod(dumpPath, 0o600);
    const manifest = buildManifest({
      createdAt: snapshot.rows[0]?.at ?? new Date(),
      schemaVersion: version,
      database: databaseNameOf(databaseUrl),
      serverVersion: server,
      pgDumpVersion,
      dump: { file: DUMP_FILE, bytes: (await stat(dumpPath)).size, sha256: await sha256File(dumpPath) },
      tables,
    });
    await writeFile(join(dir, MANIFEST_FILE), serializeManifest(manifest), { mode: 0o600 });
    return manifest;
  } finally {
    await libpq.dispose();
    await client.end();
  }
}
