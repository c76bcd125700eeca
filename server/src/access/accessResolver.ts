import type { Action } from '@samverka/model';
import type { Kysely } from 'kysely';
import type { SessionStore, ValidSession } from '../auth/sessionStore.ts';
import { type ApiError, apiErrors } from '../http/apiErrors.ts';
import { type Actor, can, type RefusalReason } from '../policy/policy.ts';
import { findActiveLink } from '../snapshots/shareLinks.ts';
import { findAsset, SnapshotAssetIndex } from '../snapshots/snapshotAssets.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { AccessTarget, Grant, ShareLinkGrant, TargetKind, TargetOf } from './accessTargets.ts';
import type { Credential } from './credential.ts';
import { TARGET_LOADERS } from './targetLoader.ts';

/** Who a credential proves: a signed-in person and their session. */
export interface Identity {
  actor: Actor;
  auth: ValidSession;
}

/**
 * A refusal, the same for HTTP and the sync upgrade. "Not there" and "not
 * yours" are one refusal: same status, id and message, so ids reveal nothing.
 */
export interface Refusal {
  status: 401 | 403 | 404 | 409;
  reason: RefusalReason;
  error(): ApiError;
}

const REFUSALS: Record<RefusalReason, Refusal> = {
  anonymous: { status: 401, reason: 'anonymous', error: apiErrors.unauthenticated },
  notMember: { status: 404, reason: 'notMember', error: apiErrors.notFound },
  role: { status: 403, reason: 'role', error: () => apiErrors.forbidden() },
  archived: { status: 409, reason: 'archived', error: apiErrors.partnershipArchived },
};

/** The outcome of authorising one target. */
export type Decision<K extends TargetKind> = { granted: true; grant: Grant<K> } | { granted: false; refusal: Refusal };

/**
 * The one way in: turns a credential into an actor, and an actor plus a
 * target into a decision. Every HTTP route (through `ApiRouter`) and the sync
 * upgrade ask it; nothing else reads sessions or memberships to decide access.
 */
export class AccessResolver {
  private readonly snapshotAssets: SnapshotAssetIndex;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly sessions: SessionStore,
  ) {
    this.snapshotAssets = new SnapshotAssetIndex(db);
  }

  /** The person a credential proves, or undefined (one round trip for a session). */
  async identify(credential: Credential): Promise<Identity | undefined> {
    if (credential.kind !== 'session') return undefined;
    const auth = await this.sessions.validate(credential.token);
    return auth && { actor: { userId: auth.user.id }, auth };
  }

  /** Decides whether `actor` may do `action` on `target` (one round trip). */
  async authorize<K extends TargetKind>(
    actor: Actor | undefined,
    target: TargetOf<K>,
    action: Action,
  ): Promise<Decision<K>> {
    if (!actor) return { granted: false, refusal: REFUSALS.anonymous };
    const load = TARGET_LOADERS[target.kind] as (
      db: Kysely<DatabaseSchema>,
      userId: string,
      target: AccessTarget,
    ) => ReturnType<(typeof TARGET_LOADERS)[K]>;
    const loaded = await load(this.db, actor.userId, target);
    if (!loaded?.membership) return { granted: false, refusal: REFUSALS.notMember };
    const membership = loaded.membership;
    const policyTarget = {
      kind: 'partnership' as const,
      partnershipId: loaded.partnership.id,
      membership,
      archived: loaded.partnership.archived_at !== null,
    };
    const verdict = can(actor, action, policyTarget);
    if (!verdict.allowed) return { granted: false, refusal: REFUSALS[verdict.reason] };
    const grant = { actor, membership, partnership: loaded.partnership, policyTarget, ...loaded.rows } as Grant<K>;
    return { granted: true, grant };
  }

  /**
   * A share-link token → the one snapshot it opens, if the policy lets a link
   * holder do `action` on it (only `read`); with `assetId`, also that upload, if
   * the policy lets the holder see it (one the snapshot's canvases show). An unknown,
   * revoked or expired token, or any other asset, is refused like a stranger's id:
   * 404, nothing else said.
   */
  async authorizeShareLink(
    credential: Extract<Credential, { kind: 'shareLink' }>,
    action: Action,
    assetId?: string,
  ): Promise<{ granted: true; grant: ShareLinkGrant } | { granted: false; refusal: Refusal }> {
    const found = await findActiveLink(this.db, credential.token, Date.now());
    if (!found) return { granted: false, refusal: REFUSALS.notMember };
    const asset = assetId === undefined ? undefined : await findAsset(this.db, assetId);
    if (assetId !== undefined && !asset) return { granted: false, refusal: REFUSALS.notMember };
    const snapshotPartnershipId = found.snapshot.partnership_id;
    const verdict = can(undefined, action, {
      kind: 'snapshotLink',
      linkedSnapshotId: found.link.snapshot_id,
      snapshotId: found.snapshot.id,
      snapshotPartnershipId,
      ...(asset && {
        asset: {
          partnershipId: asset.partnership_id,
          shownBySnapshot: (await this.snapshotAssets.shownBy(found.snapshot.id)).has(asset.id),
        },
      }),
    });
    if (!verdict.allowed) return { granted: false, refusal: REFUSALS.notMember };
    return { granted: true, grant: asset ? { ...found, asset } : found };
  }

  /** Credential and target in one call: at most two round trips (session, then target). */
  async resolve<K extends TargetKind>(
    credential: Credential,
    target: TargetOf<K>,
    action: Action,
  ): Promise<{ identity: Identity | undefined; decision: Decision<K> }> {
    const identity = await this.identify(credential);
    return { identity, decision: await this.authorize(identity?.actor, target, action) };
  }
}
