import { ConfigError } from '../config.ts';
import { runBackupCommand } from './backupCommand.ts';

/** `pnpm samverka <command>`: operators' commands, reading the server's own environment. */
const COMMANDS = {
  backup: (args: string[]) => runBackupCommand('backup', args[0]),
  restore: (args: string[]) => runBackupCommand('restore', args[0]),
} satisfies Record<string, (args: string[]) => Promise<number>>;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS[name as keyof typeof COMMANDS];
  if (!command) {
    console.error(`usage: pnpm samverka <${Object.keys(COMMANDS).join('|')}> …`);
    return 64; // EX_USAGE
  }
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78; // EX_CONFIG
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
