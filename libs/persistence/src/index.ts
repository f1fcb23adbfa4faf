export { VersionedEntity } from './base.entity';
export { buildDataSourceOptions, MIGRATIONS_TABLE } from './data-source-options';
export {
  databaseNameOf,
  dropDatabase,
  ensureDatabase,
  pendingSchemaChanges,
  runMigrations,
} from './database-admin';
export { PersistenceModule } from './persistence.module';
export { SnakeNamingStrategy, toSnakeCase } from './snake-naming.strategy';
export { TransactionRunner } from './transaction';
export { updateVersioned } from './versioned-update';
