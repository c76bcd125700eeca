import type { Kysely } from 'kysely';
import type { DatabaseSchema, SessionsTable, UsersTable } from '../storage/schema.ts';
import { constantTimeEqualHex, generateSessionToken, parseSessionToken, sha256Hex } from './sessionTokens.ts';

/** Sessions end after this much inactivity. */
export const SESSION_INACTIVITY_MS = 30 * 24 * 60 * 60 * 1000;

export interface ValidSession {
  session: SessionsTable;
  user: UsersTable;
  /** The expiry slid forward on this request, so the browser's cookie must be renewed too. */
  extended?: boolean;
}

/**
 * Sessions as Lucia's guidance describes: the token is `<id>.<secret>`, only a
 * SHA-256 of the secret is stored and compared in constant time, and the
 * expiry slides forward once a session has used half of its lifetime.
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
    private readonly inactivityMs = SESSION_INACTIVITY_MS,
  ) {}

  /** Creates a session and returns the token to put in the cookie (never stored). */
  async create(userId: string, userAgent: string | null): Promise<{ token: string; session: SessionsTable }> {
    const fresh = generateSessionToken();
    const now = this.now();
    const session: SessionsTable = {
      id: fresh.id,
      user_id: userId,
      secret_hash: fresh.secretHash,
      created_at: now,
      last_seen_at: now,
      expires_at: now + this.inactivityMs,
      user_agent: userAgent ? userAgent.slice(0, 300) : null,
    };
    await this.db.insertInto('sessions').values(session).execute();
    return { token: fresh.token, session };
  }

  /** Returns the session and user a token proves, sliding its expiry; undefined if invalid or expired. */
  async validate(token: string): Promise<ValidSession | undefined> {
    const parsed = parseSessionToken(token);
    if (!parsed) return undefined;
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as session_id',
        'sessions.secret_hash',
        'sessions.created_at as session_created_at',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'sessions.user_agent',
        'users.id as user_id',
        'users.email',
        'users.name',
        'users.password_hash',
        'users.created_at as user_created_at',
        'users.locale',
        'users.disabled_at',
        'users.email_verified_at',
        'users.notify_mode',
      ])
      .where('sessions.id', '=', parsed.id)
      .executeTakeFirst();
    if (!row || !constantTimeEqualHex(row.secret_hash, sha256Hex(parsed.secret))) return undefined;
    // A disabled account's sessions are ended when it is disabled; this also covers one made in between.
    if (row.disabled_at != null) return undefined;
    const now = this.now();
    if (now >= row.expires_at) {
      await this.db.deleteFrom('sessions').where('id', '=', row.session_id).execute();
      return undefined;
    }
    let expiresAt = row.expires_at;
    let lastSeenAt = row.last_seen_at;
    if (expiresAt - now < this.inactivityMs / 2) {
      expiresAt = now + this.inactivityMs;
      lastSeenAt = now;
      await this.db
        .updateTable('sessions')
        .set({ expires_at: expiresAt, last_seen_at: now })
        .where('id', '=', row.session_id)
        .execute();
    }
    return {
      extended: expiresAt !== row.expires_at,
      session: {
        id: row.session_id,
        user_id: row.user_id,
        secret_hash: row.secret_hash,
        created_at: row.session_created_at,
        last_seen_at: lastSeenAt,
        expires_at: expiresAt,
        user_agent: row.user_agent,
      },
      user: {
        id: row.user_id,
        email: row.email,
        name: row.name,
        password_hash: row.password_hash,
        created_at: row.user_created_at,
        locale: row.locale ?? 'en',
        disabled_at: null,
        email_verified_at: row.email_verified_at ?? null,
        notify_mode: row.notify_mode ?? 'immediate',
      },
    };
  }

  /** Ends one session. */
  async delete(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  /** Ends every session of a user except `keepSessionId`; returns how many ended. */
  async deleteOthers(userId: string, keepSessionId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('id', '!=', keepSessionId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** A user's live sessions, most recently used first. */
  async listFor(userId: string): Promise<SessionsTable[]> {
    return this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('expires_at', '>', this.now())
      .orderBy('last_seen_at', 'desc')
      .execute();
  }
}
