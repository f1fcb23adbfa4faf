import { DataSource } from 'typeorm';
import { PRODUCT_SCHEMA } from '../../apps/api/src/database/schema';
import {
  buildDataSourceOptions,
  dropDatabase,
  ensureDatabase,
  MIGRATIONS_TABLE,
  pendingSchemaChanges,
  runMigrations,
} from '@accompany/persistence';
import { loadRunContext } from '../setup/run-context';

/** Migrations are the only way the schema changes: they apply from zero, revert fully, and match the entities. */
describe('migrations', () => {
  const url = new URL(loadRunContext().databaseUrl);
  url.pathname = `${url.pathname}_mig`;
  const databaseUrl = url.toString();
  let dataSource: DataSource;

  beforeAll(async () => {
    await ensureDatabase(databaseUrl);
    dataSource = await new DataSource(buildDataSourceOptions(databaseUrl, PRODUCT_SCHEMA)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(databaseUrl);
  });

  const userTables = async (): Promise<string[]> =>
    (
      await dataSource.query<Array<{ tablename: string }>>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1 ORDER BY 1`,
        [MIGRATIONS_TABLE],
      )
    ).map((row) => row.tablename);

  it('should report drift on an empty schema', async () => {
    expect((await pendingSchemaChanges(dataSource)).length).toBeGreaterThan(0);
  });

  it('should apply every migration and leave no drift', async () => {
    const applied = await runMigrations(dataSource);
    expect(applied.length).toBeGreaterThan(0);
    expect(await userTables()).toEqual(expect.arrayContaining(['audit_events', 'teams', 'users']));
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('should revert every migration down to an empty schema and apply them again', async () => {
    while ((await dataSource.query(`SELECT 1 FROM ${MIGRATIONS_TABLE} LIMIT 1`)).length > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await userTables()).toEqual([]);
    await runMigrations(dataSource);
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('should refuse to delete or rewrite audit events', async () => {
    await dataSource.query(`INSERT INTO audit_events (action, entity_type) VALUES ('test.event', 'test')`);
    await expect(dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(
      /cannot be changed/,
    );
    await dataSource.query(`UPDATE audit_events SET hash = '\\x01', sealed_at = now()`);
    await expect(dataSource.query(`UPDATE audit_events SET hash = '\\x02'`)).rejects.toThrow(
      /cannot be changed/,
    );
  });
});
