export { VersionedEntity } from './base.entity';
export { buildDataSourceOptions, MIGRATIONS_TABLE, type SchemaPart } from './data-source-options';
export { migrations as PLATFORM_MIGRATIONS } from './migrations';
export {
  databaseNameOf,
  dropDatabase,
  ensureDatabase,
  pendingSchemaChanges,
  runMigrations,
} from './database-admin';
export { PersistenceModule } from './persistence.module';
export { TransactionRunner } from './transaction';
export { updateVersioned } from './versioned-update';
