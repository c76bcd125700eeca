import { loadConfig } from '../config.ts';
import { BackupError, backup, restore } from './backup.ts';

/**
 * `pnpm samverka backup <file>` and `pnpm samverka restore <file>`: the
 * database named by the same environment the server reads (DATA_DIR or
 * DATABASE_URL). Backup runs while the server runs; restore wants an empty target.
 */
export async function runBackupCommand(command: 'backup' | 'restore', file: string | undefined): Promise<number> {
  if (!file) {
    console.error(`usage: pnpm samverka ${command} <file>`);
    return 64; // EX_USAGE
  }
  const config = loadConfig();
  const source = { dataDir: config.dataDir, databaseUrl: config.databaseUrl };
  try {
    if (command === 'backup') await backup(source, file);
    else await restore(source, file);
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const where = config.databaseUrl ? 'the PostgreSQL database' : config.dataDir;
  const done = command === 'backup' ? `backed up ${where} to ${file}` : `restored ${file} into ${where}`;
  process.stdout.write(`${done}\n`);
  return 0;
}
