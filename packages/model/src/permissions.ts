import type { Role } from './roles.ts';

/**
 * Everything the policy decides. The keys double as the `abilities` keys the API
 * returns, so the client reads e.g. `abilities.edit` and never checks a role.
 */
export const ACTIONS = [
  /** Read canvas, documents, goals, risks, the member list and the partnership itself. */
  'read',
  /** Edit canvas, documents, goals, risks; create documents. */
  'edit',
  /** Comment, reply, mention. */
  'comment',
  /** Resolve or reopen any thread. */
  'resolveAnyThread',
  /** Resolve or reopen a thread one started. */
  'resolveOwnThread',
  /** Create snapshots and share links. */
  'createSnapshot',
  /**
   * List and revoke a snapshot's share links. Apart from `createSnapshot` because it
   * changes no content: an archived partnership must still be able to stop its links.
   */
  'manageSnapshotLinks',
  /** Acknowledge a snapshot. */
  'acknowledgeSnapshot',
  /** Rename or delete a snapshot. */
  'manageSnapshots',
  /** Invite, change roles, remove members, revoke invitations, delete the partnership. */
  'manageMembers',
  /** Rename and archive the partnership. */
  'managePartnership',
  /** Read the audit trail. */
  'readAudit',
  /** Leave the partnership (the last owner is refused by a separate rule). */
  'leave',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The caller's rights in one partnership, as returned by the API. */
export type Abilities = Record<Action, boolean>;

/** Who a permission row speaks about: a role, or a holder of a snapshot share link. */
export type Principal = Role | 'snapshotLink';

/**
 * What a share-link holder may do: nothing, or the action limited to the one
 * snapshot the link points at.
 */
export type SnapshotLinkGrant = false | 'linkedSnapshotOnly';

export interface PermissionRow {
  owner: boolean;
  editor: boolean;
  commenter: boolean;
  viewer: boolean;
  snapshotLink: SnapshotLinkGrant;
}

/** The role table of the design brief, as data. The policy module is its only reader on the server. */
export const PERMISSIONS: Record<Action, PermissionRow> = {
  read: { owner: true, editor: true, commenter: true, viewer: true, snapshotLink: 'linkedSnapshotOnly' },
  edit: { owner: true, editor: true, commenter: false, viewer: false, snapshotLink: false },
  comment: { owner: true, editor: true, commenter: true, viewer: false, snapshotLink: false },
  resolveAnyThread: { owner: true, editor: true, commenter: false, viewer: false, snapshotLink: false },
  resolveOwnThread: { owner: true, editor: true, commenter: true, viewer: false, snapshotLink: false },
  createSnapshot: { owner: true, editor: true, commenter: false, viewer: false, snapshotLink: false },
  manageSnapshotLinks: { owner: true, editor: true, commenter: false, viewer: false, snapshotLink: false },
  acknowledgeSnapshot: { owner: true, editor: true, commenter: true, viewer: true, snapshotLink: false },
  manageSnapshots: { owner: true, editor: false, commenter: false, viewer: false, snapshotLink: false },
  manageMembers: { owner: true, editor: false, commenter: false, viewer: false, snapshotLink: false },
  managePartnership: { owner: true, editor: false, commenter: false, viewer: false, snapshotLink: false },
  readAudit: { owner: true, editor: false, commenter: false, viewer: false, snapshotLink: false },
  leave: { owner: true, editor: true, commenter: true, viewer: true, snapshotLink: false },
};

/** Actions that change content; an archived partnership refuses them to everyone. */
export const CONTENT_CHANGING_ACTIONS: ReadonlySet<Action> = new Set([
  'edit',
  'comment',
  'resolveAnyThread',
  'resolveOwnThread',
  'createSnapshot',
]);

/** Whether the role table grants `action` to `role` (before archive or ownership rules). */
export function roleAllows(role: Role, action: Action): boolean {
  return PERMISSIONS[action][role];
}
