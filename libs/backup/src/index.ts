export { runCli } from './backup-cli';
export { createBackup } from './create-backup';
export { restoreBackup } from './restore-backup';
