import 'reflect-metadata';
import { restoreBackup, runCli } from '@accompany/backup';
import { loadAppConfig, runWithConfigGuard } from '@accompany/config';

/** `npm run restore -- DIR [--force]`: a backup into DATABASE_URL (libs/backup, restoreBackup). */
void runWithConfigGuard(async () => {
  const { database } = loadAppConfig();
  await runCli('restore', () => restoreBackup(database.url, process.argv.slice(2)));
});
