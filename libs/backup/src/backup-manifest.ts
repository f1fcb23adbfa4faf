/**
 * The manifest beside every dump: what a restore must find again. Pure functions only, so
 * the rules are unit-tested without a database. It holds names and numbers, never a
 * connection string, a key or a row's content.
 */
export const MANIFEST_FORMAT = 'accompany-backup/1';
export const MANIFEST_FILE = 'manifest.json';
export const DUMP_FILE = 'database.dump';

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  /** ISO time of the snapshot the dump and the counts share. */
  createdAt: string;
  /** The last applied migration (`schema_migrations`), or null for an unmigrated database. */
  schemaVersion: string | null;
  /** The source database's name (not its URL, which may hold a password). */
  database: string;
  serverVersion: string;
  pgDumpVersion: string;
  dump: { file: string; bytes: number; sha256: string };
  /** Rows per table of the public schema, by table name. */
  tables: Record<string, number>;
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

export type ManifestInput = Omit<BackupManifest, 'format' | 'tables' | 'createdAt'> & {
  createdAt: Date;
  tables: Record<string, number>;
};

/** Copies only the known fields, so nothing else (a config object, a secret) can slip in. */
export function buildManifest(input: ManifestInput): BackupManifest {
  return {
    format: MANIFEST_FORMAT,
    createdAt: input.createdAt.toISOString(),
    schemaVersion: input.schemaVersion,
    database: input.database,
    serverVersion: input.serverVersion,
    pgDumpVersion: input.pgDumpVersion,
    dump: { file: input.dump.file, bytes: input.dump.bytes, sha256: input.dump.sha256 },
    tables: sortedCounts(input.tables),
  };
}

export function serializeManifest(manifest: BackupManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Parses and checks a manifest; a wrong or damaged one is refused before anything is restored. */
export function parseManifest(text: string): BackupManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ManifestError('manifest is not valid JSON');
  }
  if (!isRecord(raw)) throw new ManifestError('manifest is not an object');
  if (raw.format !== MANIFEST_FORMAT) {
    throw new ManifestError(`manifest format is not ${MANIFEST_FORMAT}`);
  }
  const { createdAt, schemaVersion, database, serverVersion, pgDumpVersion, dump, tables } = raw;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) field('createdAt');
  if (schemaVersion !== null && typeof schemaVersion !== 'string') field('schemaVersion');
  if (typeof database !== 'string') field('database');
  if (typeof serverVersion !== 'string') field('serverVersion');
  if (typeof pgDumpVersion !== 'string') field('pgDumpVersion');
  if (
    !isRecord(dump) ||
    typeof dump.file !== 'string' ||
    // A bare file name inside the backup directory, never a path out of it.
    !/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(dump.file) ||
    !isCount(dump.bytes) ||
    typeof dump.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(dump.sha256)
  ) {
    field('dump');
  }
  if (!isRecord(tables) || !Object.values(tables).every(isCount)) field('tables');
  return buildManifest({
    createdAt: new Date(createdAt),
    schemaVersion,
    database,
    serverVersion,
    pgDumpVersion,
    dump: dump as BackupManifest['dump'],
    tables: tables as Record<string, number>,
  });
}

/** One line per difference between the manifest's counts and the restored database's; empty when equal. */
export function compareCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  const differences: string[] = [];
  for (const name of names) {
    const want = expected[name];
    const got = actual[name];
    if (want === undefined) differences.push(`${name}: not in the backup, ${got} rows after restore`);
    else if (got === undefined) differences.push(`${name}: ${want} rows in the backup, table missing`);
    else if (want !== got) differences.push(`${name}: ${want} rows in the backup, ${got} after restore`);
  }
  return differences;
}

export function totalRows(tables: Record<string, number>): number {
  return Object.values(tables).reduce((sum, n) => sum + n, 0);
}

function sortedCounts(tables: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function field(name: string): never {
  throw new ManifestError(`manifest field "${name}" is missing or malformed`);
}
