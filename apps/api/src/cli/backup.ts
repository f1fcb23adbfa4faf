import 'reflect-metadata';
import { createBackup, runCli } from '@accompany/backup';
import { loadAppConfig, runWithConfigGuard } from '@accompany/config';

/** `npm run backup -- DIR`: the whole database into a new DIR (libs/backup, createBackup). */
void runWithConfigGuard(async () => {
  const { database } = loadAppConfig();
  await runCli('backup', () => createBackup(database.url, process.argv.slice(2)));
});
