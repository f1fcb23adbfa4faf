import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity-list type
type EntityList = MixedList<string | Function | EntitySchema>;

/**
 * What a part of the product adds to the database: its entities and the migrations that
 * create them. The running processes need neither list (each lib registers its entities
 * through TypeOrmModule.forFeature); the migration CLI, the drift check and the tests take
 * the whole product's from apps/api/src/database/schema.ts.
 */
export interface SchemaPart {
  entities: EntityList;
  migrations: Array<new () => unknown>;
}

export const MIGRATIONS_TABLE = 'schema_migrations';
const CLIENT_CHECK_INTERVAL_MS = 1000;

/** The one description of how we reach PostgreSQL; the API, worker and CLI all use it. */
export function buildDataSourceOptions(
  databaseUrl: string,
  schema: SchemaPart = { entities: [], migrations: [] },
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: schema.entities,
    // TypeORM orders migrations by the timestamp in their names, whichever part they come from.
    migrations: schema.migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+ (we need 14+); no extension to install.
    uuidExtension: 'pgcrypto',
    extra: {
      max: 20,
      connectionTimeoutMillis: 5000,
      // PostgreSQL 14+: a statement whose client has died (a worker killed while its UPDATE
      // waits for a row lock) is aborted within a second instead of running on and
      // committing with nobody left to act on it.
      options: `-c client_connection_check_interval=${CLIENT_CHECK_INTERVAL_MS}`,
    },
  };
}
