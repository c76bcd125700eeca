import type { Role, Side } from '@samverka/model';
import type { Actor, PartnershipTarget } from '../policy/policy.ts';
import type {
  AssetsTable,
  CommentMessagesTable,
  CommentThreadsTable,
  DocumentsTable,
  PartnershipsTable,
  SnapshotLinksTable,
  SnapshotsTable,
} from '../storage/schema.ts';

/**
 * What a request wants to reach, named by ids from its path. Everything is
 * reached through a partnership (a snapshot read with a share link is a `ShareLinkGrant`).
 */
export type AccessTarget =
  | { kind: 'partnership'; id: string }
  | { kind: 'document'; id: string }
  | { kind: 'asset'; id: string }
  | { kind: 'thread'; id: string }
  | { kind: 'message'; id: string }
  | { kind: 'snapshot'; id: string }
  | { kind: 'invitation'; id: string; partnershipId: string };

export type TargetKind = AccessTarget['kind'];

/** The target of one kind, e.g. `TargetOf<'document'>`. */
export type TargetOf<K extends TargetKind> = Extract<AccessTarget, { kind: K }>;

/** The caller's membership; an authorised caller always has one. */
export interface Membership {
  role: Role;
  side: Side;
}

/** What the resolver loaded for each kind of target, besides its partnership. */
export interface TargetRows {
  partnership: Record<never, never>;
  document: { document: DocumentsTable };
  asset: { asset: AssetsTable };
  thread: { thread: CommentThreadsTable };
  message: { message: CommentMessagesTable; thread: CommentThreadsTable };
  snapshot: { snapshot: SnapshotsTable };
  invitation: { invitation: { id: string } };
}

/** An authorised caller and everything the decision was made on. */
export type Grant<K extends TargetKind = TargetKind> = {
  actor: Actor;
  membership: Membership;
  partnership: PartnershipsTable;
  /** The policy's view of the partnership, e.g. for `abilitiesOf`. */
  policyTarget: PartnershipTarget & { membership: Membership };
} & TargetRows[K];

/** The person acting on a grant, as commands record them in the audit trail. */
export function doerOf(grant: Grant): { userId: string; side: Side } {
  return { userId: grant.actor.userId, side: grant.membership.side };
}

/** A share-link holder allowed to read the one snapshot the link points at (and, when asked, one upload it shows). */
export interface ShareLinkGrant {
  link: SnapshotLinksTable;
  snapshot: SnapshotsTable;
  asset?: AssetsTable;
}
