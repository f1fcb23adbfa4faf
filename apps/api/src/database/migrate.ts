import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig, runWithConfigGuard } from '@accompany/config';
import { buildDataSourceOptions, ensureDatabase, runMigrations } from '@accompany/persistence';
import { PRODUCT_SCHEMA } from './schema';

/** `npm run migration:run`: creates the database when missing, then applies pending migrations. */
void runWithConfigGuard(async () => {
  const { database } = loadAppConfig();
  if (await ensureDatabase(database.url)) process.stdout.write('database created\n');
  const dataSource = await new DataSource(buildDataSourceOptions(database.url, PRODUCT_SCHEMA)).initialize();
  try {
    const applied = await runMigrations(dataSource);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema up to date\n');
  } finally {
    await dataSource.destroy();
  }
});
