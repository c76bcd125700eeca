import { parseArgs } from 'node:util';
import { emailSchema, LOCALES, type Locale, nameSchema, PERSON_NAME_MAX_LENGTH } from '@samverka/model';
import { sql } from 'kysely';
import { createPasswordReset, passwordResetUrl } from '../auth/passwordReset.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Config } from '../config.ts';
import { randomId } from '../ids.ts';
import { openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';

/** Where a command writes: what it did (`out`) and what went wrong (`err`). */
export interface Console {
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = `Usage: pnpm samverka <command> [options]

  user:list                                       every account, with its state
  user:create --email E --name N [--locale sv|en] make an account (whatever SIGNUP says); prints a link to set its password
  user:disable --email E                          stop an account signing in; ends its sessions
  user:enable --email E                           let a disabled account sign in again
  user:reset-password --email E                   print a one-hour link that sets a new password
  backup <file>                                   a consistent copy of the database, while the server runs
  restore <file>                                  a backup into an empty DATA_DIR or PostgreSQL database

The database is the server's: DATA_DIR or DATABASE_URL, and PUBLIC_URL for links.`;

class UsageError extends Error {}

/**
 * The operators' command line: runs one command against the server's database and returns the
 * exit code. Links carry a one-time token; they are printed for the operator to hand over, never logged.
 */
export async function runAdminCommand(args: string[], config: Config, io: Console): Promise<number> {
  const [command, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } },
    strict: true,
  });
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const { db } = database;
  try {
    await migrateToLatest(db, database.dialect);
    const email = () => {
      const parsed = emailSchema.safeParse(values.email ?? '');
      if (!parsed.success) throw new UsageError('--email needs a valid email address');
      return parsed.data;
    };
    const existing = async () => {
      const user = await db.selectFrom('users').selectAll().where('email', '=', email()).executeTakeFirst();
      if (!user) throw new UsageError(`no account has the email ${email()}`);
      return user;
    };
    switch (command) {
      case 'user:list': {
        const users = await db
          .selectFrom('users')
          .leftJoin('memberships', 'memberships.user_id', 'users.id')
          .select(['users.id', 'users.email', 'users.name', 'users.created_at', 'users.disabled_at'])
          .select(sql<number>`count(memberships.partnership_id)`.as('partnerships'))
          .groupBy(['users.id', 'users.email', 'users.name', 'users.created_at', 'users.disabled_at'])
          .orderBy('users.created_at')
          .execute();
        io.out(['id', 'email', 'name', 'created', 'partnerships', 'state'].join('\t'));
        for (const user of users) {
          const state = user.disabled_at == null ? 'active' : 'disabled';
          const created = new Date(Number(user.created_at)).toISOString().slice(0, 10);
          io.out([user.id, user.email, user.name, created, String(user.partnerships), state].join('\t'));
        }
        return 0;
      }
      case 'user:create': {
        const name = nameSchema(PERSON_NAME_MAX_LENGTH, '--name is required').safeParse(values.name ?? '');
        if (!name.success) throw new UsageError('--name is required');
        const locale = (values.locale ?? 'en') as Locale;
        if (!LOCALES.includes(locale)) throw new UsageError(`--locale is one of ${LOCALES.join(', ')}`);
        const address = email();
        const taken = await db.selectFrom('users').select('id').where('email', '=', address).executeTakeFirst();
        if (taken) throw new UsageError(`an account with the email ${address} already exists`);
        const id = randomId(12);
        // Nobody knows this password: the person sets their own through the link.
        const passwordHash = await hashPassword(randomId(32));
        await db
          .insertInto('users')
          .values({
            id,
            email: address,
            name: name.data,
            password_hash: passwordHash,
            created_at: Date.now(),
            locale,
            disabled_at: null,
            // The operator vouches for the address, and the set-password link proves it once used.
            email_verified_at: Date.now(),
          })
          .execute();
        const reset = await createPasswordReset(db, address);
        io.out(`created ${address} (${id})`);
        if (reset) io.out(`set its password within an hour: ${passwordResetUrl(config.publicUrl, reset.token)}`);
        return 0;
      }
      case 'user:disable': {
        const user = await existing();
        await db.transaction().execute(async (tx) => {
          await tx.updateTable('users').set({ disabled_at: Date.now() }).where('id', '=', user.id).execute();
          await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
          await tx
            .updateTable('password_resets')
            .set({ used_at: Date.now() })
            .where('user_id', '=', user.id)
            .where('used_at', 'is', null)
            .execute();
        });
        io.out(`disabled ${user.email}; its sessions ended (open editors are refused on their next reconnect)`);
        return 0;
      }
      case 'user:enable': {
        const user = await existing();
        await db.updateTable('users').set({ disabled_at: null }).where('id', '=', user.id).execute();
        io.out(`enabled ${user.email}`);
        return 0;
      }
      case 'user:reset-password': {
        const user = await existing();
        if (user.disabled_at != null) throw new UsageError(`${user.email} is disabled; enable it first`);
        const reset = await createPasswordReset(db, user.email);
        if (!reset) throw new UsageError(`${user.email} cannot be reset`);
        io.out(`link for ${user.email}, valid for one hour, once: ${passwordResetUrl(config.publicUrl, reset.token)}`);
        return 0;
      }
      default:
        io.err(USAGE);
        return 64; // EX_USAGE
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 64;
    }
    throw error;
  } finally {
    await database.close();
  }
}
