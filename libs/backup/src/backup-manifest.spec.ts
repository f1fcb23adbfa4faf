import {
  buildManifest,
  compareCounts,
  DUMP_FILE,
  MANIFEST_FORMAT,
  ManifestError,
  parseManifest,
  serializeManifest,
  totalRows,
  type ManifestInput,
} from './backup-manifest';

const INPUT: ManifestInput = {
  createdAt: new Date('2026-11-25T03:00:00.000Z'),
  schemaVersion: 'CreateContactsAndReminders1795613392816',
  database: 'accompany',
  serverVersion: '15.20',
  pgDumpVersion: 'pg_dump (PostgreSQL) 15.20',
  dump: { file: DUMP_FILE, bytes: 4096, sha256: 'a'.repeat(64) },
  tables: { users: 12, families: 50, audit_events: 900, schema_migrations: 3 },
};

describe(buildManifest.name, () => {
  it('should record the format, the time and the counts sorted by table name', () => {
    const manifest = buildManifest(INPUT);
    expect(manifest.format).toBe(MANIFEST_FORMAT);
    expect(manifest.createdAt).toBe('2026-11-25T03:00:00.000Z');
    expect(Object.keys(manifest.tables)).toEqual(['audit_events', 'families', 'schema_migrations', 'users']);
  });

  it('should keep only its own fields, so no secret passed along can reach the file', () => {
    const leaky = {
      ...INPUT,
      DATA_ENCRYPTION_KEY: 'secret-key',
      dump: { ...INPUT.dump, url: 'postgres://u:pw@db/x' },
    } as ManifestInput;
    const text = serializeManifest(buildManifest(leaky));
    expect(text).not.toContain('secret-key');
    expect(text).not.toContain('pw@');
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(
      [
        'createdAt',
        'database',
        'dump',
        'format',
        'pgDumpVersion',
        'schemaVersion',
        'serverVersion',
        'tables',
      ].sort(),
    );
  });
});

describe(parseManifest.name, () => {
  const written = serializeManifest(buildManifest(INPUT));
  const withField = (key: string, value: unknown): string =>
    JSON.stringify({ ...(JSON.parse(written) as object), [key]: value });

  it('should read back what was written', () => {
    expect(parseManifest(written)).toEqual(buildManifest(INPUT));
  });

  it('should accept a database that was never migrated', () => {
    expect(parseManifest(withField('schemaVersion', null)).schemaVersion).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['another format', withField('format', 'accompany-backup/0')],
    ['a bad time', withField('createdAt', 'yesterday')],
    ['a negative count', withField('tables', { users: -1 })],
    ['a fractional count', withField('tables', { users: 1.5 })],
    ['a count as text', withField('tables', { users: '3' })],
    ['a dump path leaving the directory', withField('dump', { ...INPUT.dump, file: '../etc/passwd' })],
    ['a dump named ..', withField('dump', { ...INPUT.dump, file: '..' })],
    ['a short checksum', withField('dump', { ...INPUT.dump, sha256: 'abc' })],
  ])('should refuse %s', (_what, text) => {
    expect(() => parseManifest(text)).toThrow(ManifestError);
  });
});

describe(compareCounts.name, () => {
  it('should find no difference between equal counts in any order', () => {
    expect(compareCounts({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([]);
  });

  it('should name every differing, missing and unexpected table', () => {
    expect(compareCounts({ a: 1, b: 2, c: 0 }, { a: 1, b: 3, d: 4 })).toEqual([
      'b: 2 rows in the backup, 3 after restore',
      'c: 0 rows in the backup, table missing',
      'd: not in the backup, 4 rows after restore',
    ]);
  });
});

describe(totalRows.name, () => {
  it('should add up every table', () => {
    expect(totalRows(INPUT.tables)).toBe(965);
  });
});
