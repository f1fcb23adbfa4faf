import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseNameOf, dropDatabase, ensureDatabase } from '@accompany/persistence';
import { CliError, EXIT_FAILED, EXIT_REFUSED, parsed, sha256File } from './backup-cli';
import { connect, countRows, schemaVersion, userRelationCount } from './backup-database';
import {
  type BackupManifest,
  compareCounts,
  MANIFEST_FILE,
  ManifestError,
  parseManifest,
  totalRows,
} from './backup-manifest';
import { libpqTarget, runPgTool } from './backup-pg-tools';

const USAGE = 'usage: npm run restore -- DIR [--force]   (DIR as written by npm run backup)';

/**
 * `npm run restore -- DIR [--force]`: restores a backup into the database of DATABASE_URL
 * (created when missing). A database that already holds tables is refused unless --force,
 * which drops and re-creates it first. pg_restore runs as one transaction, so a failure
 * leaves the database empty; afterwards every table's rows are counted against the manifest.
 */
export async function restoreBackup(databaseUrl: string, argv: string[]): Promise<void> {
  const { dir, force } = argsOf(argv);
  const manifest = await readVerifiedManifest(dir);
  const name = databaseNameOf(databaseUrl);
  await prepareEmptyDatabase(databaseUrl, name, force);

  const libpq = await libpqTarget(databaseUrl);
  try {
    await runPgTool('pg_restore', [
      '--single-transaction',
      // Owners and grants of the source may name roles this server does not have.
      '--no-owner',
      '--no-privileges',
      '--no-password',
      `--dbname=${libpq.uri}`,
      join(dir, manifest.dump.file),
    ]);
  } finally {
    await libpq.dispose();
  }

  const client = await connect(databaseUrl);
  try {
    const differences = compareCounts(manifest.tables, await countRows(client));
    const version = await schemaVersion(client);
    if (version !== manifest.schemaVersion) {
      differences.push(
        `schema version ${version ?? '(none)'}, manifest ${manifest.schemaVersion ?? '(none)'}`,
      );
    }
    if (differences.length > 0) {
      throw new CliError(
        `restored database differs from the manifest: ${differences.join('; ')}`,
        EXIT_FAILED,
      );
    }
  } finally {
    await client.end();
  }
  process.stdout.write(
    `restored ${dir} (taken ${manifest.createdAt}) into database "${name}": ` +
      `${Object.keys(manifest.tables).length} tables, ${totalRows(manifest.tables)} rows, counts match; ` +
      `schema ${manifest.schemaVersion ?? '(none)'} (run npm run migration:run if the code is newer)\n`,
  );
}

function argsOf(argv: string[]): { dir: string; force: boolean } {
  const { values, positionals } = parsed(
    () =>
      parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: { force: { type: 'boolean', default: false } },
      }),
    USAGE,
  );
  if (positionals.length !== 1 || !positionals[0]) throw new CliError(USAGE, EXIT_REFUSED);
  return { dir: resolve(positionals[0]), force: values.force };
}

/** The manifest, checked, and the dump checked against it: nothing is touched for a damaged backup. */
async function readVerifiedManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new CliError(`${join(dir, MANIFEST_FILE)} cannot be read: not a backup directory`, EXIT_REFUSED);
  }
  let manifest: BackupManifest;
  try {
    manifest = parseManifest(text);
  } catch (error) {
    if (error instanceof ManifestError) throw new CliError(error.message, EXIT_REFUSED);
    throw error;
  }
  let sha256: string;
  try {
    sha256 = await sha256File(join(dir, manifest.dump.file));
  } catch {
    throw new CliError(`${manifest.dump.file} is missing from ${dir}`, EXIT_REFUSED);
  }
  if (sha256 !== manifest.dump.sha256) {
    throw new CliError(
      `${manifest.dump.file} does not match its manifest (damaged or altered)`,
      EXIT_REFUSED,
    );
  }
  return manifest;
}

/** Creates the database when missing; refuses one holding tables unless --force (then replaces it). */
async function prepareEmptyDatabase(databaseUrl: string, name: string, force: boolean): Promise<void> {
  if (await ensureDatabase(databaseUrl)) return;
  const client = await connect(databaseUrl);
  let relations: number;
  try {
    relations = await userRelationCount(client);
  } finally {
    await client.end();
  }
  if (relations === 0) return;
  if (!force) {
    throw new CliError(
      `database "${name}" is not empty (${relations} tables, views or sequences); ` +
        'restore only into an empty database, or pass --force to drop and replace it',
      EXIT_REFUSED,
    );
  }
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  process.stdout.write(`database "${name}" dropped and re-created (--force)\n`);
}
