import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '@accompany/config';
import { buildDataSourceOptions, dropDatabase } from '@accompany/persistence';
import { recordContact } from '../factories/contact.factory';
import { FamilyApi, type FamilyCase } from '../factories/family.factory';
import { buildWorld, login, type TestUser, type TestWorld } from '../factories/world.factory';
import { loadRunContext } from '../setup/run-context';
import { startTestApp, type TestApp } from '../setup/test-app';

/** Backup and restore as an operator runs them: the built CLIs, as child processes. */
const ROOT = process.cwd();
/** The feature code (libs/backup) and the thin entry points (apps/api/src/cli) that run it. */
const BACKUP_SOURCES = [join(ROOT, 'libs/backup/src'), join(ROOT, 'apps/api/src/cli')];
const CLI_DIST = join(ROOT, 'dist/apps/api/apps/api/src/cli');

interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Builds once when the CLIs in dist are missing or older than any of their sources. */
function ensureBuilt(): void {
  const sources = BACKUP_SOURCES.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => join(dir, f)),
  );
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  const stale = ['backup.js', 'restore.js'].some((f) => {
    const built = join(CLI_DIST, f);
    return !existsSync(built) || statSync(built).mtimeMs < newest;
  });
  if (!stale) return;
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}

/** `npm run backup|restore -- ...args` with DATABASE_URL set, as production runs it (no Jest flags). */
function runScript(name: 'backup' | 'restore', args: string[], databaseUrl: string): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(CLI_DIST, `${name}.js`), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Exact rows of every public table, counted here independently of the scripts. */
async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const db = await new DataSource(buildDataSourceOptions(databaseUrl)).initialize();
  try {
    const tables: Array<{ name: string }> = await db.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await db.query(`SELECT count(*)::int AS n FROM public."${name}"`);
      counts[name] = row.n as number;
    }
    return counts;
  } finally {
    await db.destroy();
  }
}

function siblingUrl(suffix: string): string {
  const url = new URL(loadRunContext().databaseUrl);
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}

describe('backup and restore', () => {
  const sourceUrl = loadRunContext().databaseUrl;
  const restoredUrl = siblingUrl('restored');
  const damagedUrl = siblingUrl('damaged');
  const workDir = mkdtempSync(join(tmpdir(), 'accompany-backup-e2e-'));
  const backupDir = join(workDir, 'nightly');
  let t: TestApp;
  let api: FamilyApi;
  let world: TestWorld;
  const families: FamilyCase[] = [];
  /** GET /families/:id answers (body and ETag) on the source, read before the backup. */
  const originals = new Map<string, { etag: string | null; body: unknown }>();
  let originalList: unknown;
  let backup: ScriptRun;
  let restore: ScriptRun;

  const ownerOf = (c: FamilyCase, w: TestWorld): TestUser =>
    c.body.teamId === w.teamB.id ? w.b.supervisor : w.a.supervisor;

  /** Families in several states, with contacts (and so reminders), corrections of status and members. */
  async function seedFamilies(): Promise<void> {
    const { a, b } = world;
    for (let i = 0; i < 6; i += 1) {
      const team = i < 4 ? a : b;
      const c = await api.createFamily(team.supervisor.accessToken, {
        assignedAccompanierId: team.accompanier.id,
      });
      if (i % 2 === 0) await recordContact(api, team.accompanier.accessToken, c.id);
      if (i % 3 === 1) {
        await api.moveMissingPerson(team.accompanier.accessToken, c.missingPersonId, ['found_alive']);
      }
      if (i === 2) await api.moveFamily(team.supervisor.accessToken, c.id, ['active', 'closed']);
      if (i === 3) await api.moveFamily(team.supervisor.accessToken, c.id, ['on_hold']);
      families.push(c);
    }
  }

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp();
    api = new FamilyApi(t.http);
    world = await buildWorld(t.http);
    await seedFamilies();
    for (const c of families) {
      const response = await api.get(`/families/${c.id}`, ownerOf(c, world).accessToken);
      expect(response.status).toBe(200);
      originals.set(c.id, { etag: response.headers.get('etag'), body: response.body });
    }
    originalList = (await api.get('/families?limit=100', world.a.supervisor.accessToken)).body;
    // Nothing writes to the source from here on, so its counts must stay the backup's.
    backup = await runScript('backup', [backupDir], sourceUrl);
    restore = await runScript('restore', [backupDir], restoredUrl);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    await dropDatabase(restoredUrl);
    await dropDatabase(damagedUrl);
    rmSync(workDir, { recursive: true, force: true });
  });

  const manifest = (): { tables: Record<string, number>; schemaVersion: string } =>
    JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as {
      tables: Record<string, number>;
      schemaVersion: string;
    };

  it('should write a dump and a manifest counting exactly the source database', async () => {
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(backupDir).sort()).toEqual(['database.dump', 'manifest.json']);
    const { tables, schemaVersion } = manifest();
    expect(schemaVersion).toMatch(/^[A-Za-z]+\d{13}$/);
    expect(tables).toEqual(await rowCounts(sourceUrl));
    expect(tables.families).toBeGreaterThanOrEqual(families.length);
    expect(tables.contacts).toBeGreaterThan(0);
  });

  it('should restore into a new database with identical row counts', async () => {
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/counts match/);
    expect(await rowCounts(restoredUrl)).toEqual(await rowCounts(sourceUrl));
  });

  it('should answer the same families through the API on the restored database', async () => {
    const restored = await startTestApp({ DATABASE_URL: restoredUrl });
    try {
      const again = new FamilyApi(restored.http);
      const tokenOf = async (user: TestUser): Promise<string> =>
        (await login(restored.http, user.email, user.password)).accessToken;
      const tokens = new Map<TestUser, string>();
      for (const user of [world.a.supervisor, world.b.supervisor]) tokens.set(user, await tokenOf(user));
      for (const c of families) {
        const response = await again.get(`/families/${c.id}`, tokens.get(ownerOf(c, world))!);
        expect({ status: response.status, etag: response.headers.get('etag'), body: response.body }).toEqual({
          status: 200,
          ...originals.get(c.id),
        });
      }
      const list = await again.get('/families?limit=100', tokens.get(world.a.supervisor)!);
      expect(list.body).toEqual(originalList);
    } finally {
      await restored.close();
    }
  });

  it('should refuse a non-empty target without --force and leave it untouched', async () => {
    const before = await rowCounts(restoredUrl);
    const refused = await runScript('restore', [backupDir], restoredUrl);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/not empty.*--force/)]);
    expect(await rowCounts(restoredUrl)).toEqual(before);
  });

  it('should replace a non-empty target when told to with --force', async () => {
    const forced = await runScript('restore', [backupDir, '--force'], restoredUrl);
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    expect(await rowCounts(restoredUrl)).toEqual(manifest().tables);
  });

  it('should refuse a damaged dump before creating or touching any database', async () => {
    const damaged = join(workDir, 'damaged');
    cpSync(backupDir, damaged, { recursive: true });
    appendFileSync(join(damaged, 'database.dump'), 'x');
    const refused = await runScript('restore', [damaged], damagedUrl);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/does not match its manifest/);
    const db = t.app.get(DataSource);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [
      new URL(damagedUrl).pathname.slice(1),
    ]);
    expect(n).toBe(0);
  });

  it('should refuse to overwrite an existing backup', async () => {
    const refused = await runScript('backup', [backupDir], sourceUrl);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists/);
  });

  it('should keep keys, secrets and the database URL out of the backup and the output', () => {
    const config = loadAppConfig();
    const secrets = [
      config.dataEncryptionKey.toString('base64'),
      config.jwt.accessSecret,
      config.jwt.refreshSecret,
      'postgres://',
    ];
    const texts = [readFileSync(join(backupDir, 'manifest.json'), 'utf8'), backup.stdout, restore.stdout];
    const dump = readFileSync(join(backupDir, 'database.dump')).toString('latin1');
    for (const secret of secrets) {
      for (const text of [...texts, dump]) expect(text).not.toContain(secret);
    }
  });
});
