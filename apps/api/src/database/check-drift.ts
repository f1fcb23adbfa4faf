import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig, runWithConfigGuard } from '@accompany/config';
import { buildDataSourceOptions, pendingSchemaChanges } from '@accompany/persistence';
import { PRODUCT_SCHEMA } from './schema';

/**
 * `npm run migration:check`: fails when the migrated schema differs from what the entities
 * describe (what `typeorm migration:generate --check` does, without needing ts sources).
 */
void runWithConfigGuard(async () => {
  const { database } = loadAppConfig();
  const dataSource = await new DataSource(buildDataSourceOptions(database.url, PRODUCT_SCHEMA)).initialize();
  try {
    const pending = await pendingSchemaChanges(dataSource);
    if (pending.length > 0) {
      process.stderr.write(`Entities and migrations drifted; missing SQL:\n${pending.join(';\n')}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write('no drift between entities and migrations\n');
    }
  } finally {
    await dataSource.destroy();
  }
});
