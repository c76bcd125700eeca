import { SHARE_TOKEN_PATTERN } from '@samverka/model';
import type { Kysely } from 'kysely';
import type { ShareLinkGrant } from '../access/accessTargets.ts';
import { sha256Hex } from '../auth/sessionTokens.ts';
import { randomId } from '../ids.ts';
import type { DatabaseSchema, SnapshotLinksTable } from '../storage/schema.ts';
import { SNAPSHOT_COLUMNS, snapshotRow } from './snapshotRows.ts';

/** A new share-link token (32 random bytes) and the only thing of it that is stored: its SHA-256. */
export function generateShareToken(): { token: string; tokenHash: string } {
  const token = randomId(32);
  return { token, tokenHash: sha256Hex(token) };
}

/** A link row with its times as numbers (PostgreSQL answers `bigint` as strings). */
export function linkRow(raw: SnapshotLinksTable): SnapshotLinksTable {
  return {
    ...raw,
    created_at: Number(raw.created_at),
    expires_at: raw.expires_at === null ? null : Number(raw.expires_at),
    revoked_at: raw.revoked_at === null ? null : Number(raw.revoked_at),
  };
}

/** Whether a link still opens its snapshot at `now`. */
export function linkActive(link: SnapshotLinksTable, now: number): boolean {
  return link.revoked_at === null && (link.expires_at === null || link.expires_at > now);
}

/**
 * The link a token names and its snapshot, when neither revoked nor expired
 * (one query). The lookup is by the token's hash: the token itself is nowhere
 * in the database, and a malformed token costs no query at all.
 */
export async function findActiveLink(
  db: Kysely<DatabaseSchema>,
  token: string,
  now: number,
): Promise<ShareLinkGrant | undefined> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return undefined;
  const row = await db
    .selectFrom('snapshot_links')
    .innerJoin('snapshots', 'snapshots.id', 'snapshot_links.snapshot_id')
    .selectAll('snapshot_links')
    .select(SNAPSHOT_COLUMNS.map((column) => `snapshots.${column} as snapshot_${column}` as const))
    .where('snapshot_links.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const record = row as unknown as Record<string, unknown>;
  const snapshot = snapshotRow(Object.fromEntries(SNAPSHOT_COLUMNS.map((c) => [c, record[`snapshot_${c}`]])));
  const link = linkRow({
    id: row.id,
    snapshot_id: row.snapshot_id,
    token_hash: row.token_hash,
    created_by: row.created_by,
    created_at: row.created_at,
    expires_at: row.expires_at,
    revoked_at: row.revoked_at,
  });
  return linkActive(link, now) ? { link, snapshot } : undefined;
}
