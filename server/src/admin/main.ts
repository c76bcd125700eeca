import { ConfigError, loadConfig } from '../config.ts';
import { runAdminCommand, USAGE } from './adminCommands.ts';
import { runBackupCommand } from './backupCommand.ts';

/** `pnpm samverka <command>`: the operators' command line (see `adminCommands.ts`). */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'backup' || command === 'restore') {
    process.exitCode = await runBackupCommand(command, args[0]);
    return;
  }
  try {
    const config = loadConfig();
    process.exitCode = await runAdminCommand(process.argv.slice(2), config, {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    if (error instanceof ConfigError || (error instanceof TypeError && 'code' in error)) {
      // A bad environment or an unknown option (parseArgs): say so, with the usage.
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exitCode = 64;
      return;
    }
    throw error;
  }
}

void main();
