// Global setup runs outside Jest's module mapper: resolve @accompany/* from tsconfig paths.
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, ensureDatabase, runMigrations } from '@accompany/persistence';
import { PRODUCT_SCHEMA } from '../../apps/api/src/database/schema';
import { newRunContext, saveRunContext } from './run-context';

/** A fresh database per run, migrated exactly as production migrates (no synchronize). */
export default async function globalSetup(): Promise<void> {
  const context = newRunContext();
  await ensureDatabase(context.databaseUrl);
  const dataSource = await new DataSource(
    buildDataSourceOptions(context.databaseUrl, PRODUCT_SCHEMA),
  ).initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  saveRunContext(context);
}
