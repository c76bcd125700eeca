import {
  type Abilities,
  ACTIONS,
  type Action,
  CONTENT_CHANGING_ACTIONS,
  PERMISSIONS,
  type Role,
  type Side,
} from '@samverka/model';

/** Who is asking: a signed-in person, or nobody. */
export interface Actor {
  userId: string;
}

/** A partnership as the policy sees it: the actor's membership (if any) and whether it is archived. */
export interface PartnershipTarget {
  kind: 'partnership';
  partnershipId: string;
  membership: { role: Role; side: Side } | undefined;
  archived: boolean;
}

/** A snapshot reached through a share link: only that snapshot may be read. */
export interface SnapshotLinkTarget {
  kind: 'snapshotLink';
  linkedSnapshotId: string;
  snapshotId: string;
}

export type PolicyTarget = PartnershipTarget | SnapshotLinkTarget;

/**
 * The one permission decision of the server. HTTP routes and the sync upgrade
 * both ask it; it reads the role table from `@samverka/model`.
 */
export function can(actor: Actor | undefined, action: Action, target: PolicyTarget): boolean {
  if (target.kind === 'snapshotLink') {
    return PERMISSIONS[action].snapshotLink === 'linkedSnapshotOnly' && target.linkedSnapshotId === target.snapshotId;
  }
  if (!actor || !target.membership) return false;
  if (!PERMISSIONS[action][target.membership.role]) return false;
  if (target.archived && CONTENT_CHANGING_ACTIONS.has(action)) return false;
  return true;
}

/** The caller's abilities on a partnership, as API responses carry them. */
export function abilitiesOf(actor: Actor | undefined, target: PartnershipTarget): Abilities {
  return Object.fromEntries(ACTIONS.map((action) => [action, can(actor, action, target)])) as Abilities;
}
