import { type AuditEventType, SNAPSHOT_LINK_MAX_DAYS } from '@samverka/model';
import type { Kysely, Transaction } from 'kysely';
import { doerOf, type Grant } from '../access/accessTargets.ts';
import { recordAudit } from '../audit/auditRecorder.ts';
import type { CommentCommands } from '../comments/commentCommands.ts';
import { apiErrors } from '../http/apiErrors.ts';
import { randomId } from '../ids.ts';
import type { DatabaseSchema, SnapshotLinksTable, SnapshotsTable } from '../storage/schema.ts';
import { generateShareToken, linkRow } from './shareLinks.ts';

type Db = Kysely<DatabaseSchema>;
type SnapshotGrant = Grant<'snapshot'>;

/**
 * What snapshot commands need: the database, and the transaction that also logs
 * a `snapshot` partnership event, so open pages hear of the change once committed.
 */
export interface SnapshotDeps {
  db: Db;
  comments: Pick<CommentCommands, 'withEvents'>;
}

/** Runs `work` in one transaction that announces a change of `snapshot` to the partnership's members. */
export function changeSnapshot<T>(
  deps: SnapshotDeps,
  snapshot: Pick<SnapshotsTable, 'id' | 'partnership_id'>,
  work: (tx: Transaction<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  return deps.comments.withEvents(snapshot.partnership_id, async (tx, log) => {
    const result = await work(tx);
    await log({ type: 'snapshot', snapshotId: snapshot.id });
    return result;
  });
}

async function audit(
  tx: Transaction<DatabaseSchema>,
  grant: SnapshotGrant,
  type: AuditEventType,
  details: Record<string, string | number | null>,
): Promise<void> {
  const doer = doerOf(grant);
  await recordAudit(tx, {
    partnershipId: grant.snapshot.partnership_id,
    type,
    actorUserId: doer.userId,
    actorSide: doer.side,
    details: { snapshotId: grant.snapshot.id, ...details },
  });
}

/** Renames a snapshot: the name is the one thing of it that may change. */
export async function renameSnapshot(deps: SnapshotDeps, grant: SnapshotGrant, name: string): Promise<SnapshotsTable> {
  return changeSnapshot(deps, grant.snapshot, async (tx) => {
    await tx.updateTable('snapshots').set({ name }).where('id', '=', grant.snapshot.id).execute();
    await audit(tx, grant, 'snapshot_renamed', { from: grant.snapshot.name, name });
    return { ...grant.snapshot, name };
  });
}

/** Deletes a snapshot with its states, links (which stop working at once) and acknowledgements. */
export async function deleteSnapshot(deps: SnapshotDeps, grant: SnapshotGrant): Promise<void> {
  await changeSnapshot(deps, grant.snapshot, async (tx) => {
    await tx.deleteFrom('snapshots').where('id', '=', grant.snapshot.id).execute();
    await audit(tx, grant, 'snapshot_deleted', { name: grant.snapshot.name });
  });
}

/** Records that the caller reviewed the snapshot; acknowledging again keeps the first time. */
export async function acknowledgeSnapshot(deps: SnapshotDeps, grant: SnapshotGrant): Promise<void> {
  const doer = doerOf(grant);
  await changeSnapshot(deps, grant.snapshot, (tx) =>
    tx
      .insertInto('snapshot_acknowledgements')
      .values({
        id: randomId(12),
        snapshot_id: grant.snapshot.id,
        user_id: doer.userId,
        side: doer.side,
        acknowledged_at: Date.now(),
      })
      .onConflict((oc) => oc.columns(['snapshot_id', 'user_id']).doNothing())
      .execute(),
  );
}

/** `expiresAt` as epoch ms: in the future and at most `SNAPSHOT_LINK_MAX_DAYS` away, or none. */
export function linkExpiry(expiresAt: string | undefined, now: number): number | null {
  if (expiresAt === undefined) return null;
  const at = Date.parse(expiresAt);
  if (!Number.isFinite(at) || at <= now || at > now + SNAPSHOT_LINK_MAX_DAYS * 24 * 60 * 60 * 1000) {
    throw apiErrors.linkExpiryInvalid();
  }
  return at;
}

/** Creates a share link; the token is returned this once and only its hash is stored. */
export async function createLink(
  db: Db,
  grant: SnapshotGrant,
  expiresAt: string | undefined,
): Promise<{ link: SnapshotLinksTable; token: string }> {
  const now = Date.now();
  const expiry = linkExpiry(expiresAt, now);
  const { token, tokenHash } = generateShareToken();
  const link: SnapshotLinksTable = {
    id: randomId(12),
    snapshot_id: grant.snapshot.id,
    token_hash: tokenHash,
    created_by: grant.actor.userId,
    created_at: now,
    expires_at: expiry,
    revoked_at: null,
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('snapshot_links').values(link).execute();
    await audit(tx, grant, 'snapshot_link_created', { linkId: link.id, expiresAt: expiry });
  });
  return { link, token };
}

/**
 * Revokes a link of this snapshot (404 for any other id). The next request
 * with its token is refused: every request looks the link up afresh.
 */
export async function revokeLink(db: Db, grant: SnapshotGrant, linkId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('snapshot_links')
      .selectAll()
      .where('id', '=', linkId)
      .where('snapshot_id', '=', grant.snapshot.id)
      .executeTakeFirst();
    if (!row) throw apiErrors.notFound();
    if (linkRow(row).revoked_at !== null) return;
    await tx.updateTable('snapshot_links').set({ revoked_at: Date.now() }).where('id', '=', linkId).execute();
    await audit(tx, grant, 'snapshot_link_revoked', { linkId });
  });
}
