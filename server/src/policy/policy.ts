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

/**
 * A snapshot reached through a share link: only that snapshot may be read, and of the uploads
 * only those of its partnership that its canvases show (`asset`, when one is asked for).
 */
export interface SnapshotLinkTarget {
  kind: 'snapshotLink';
  linkedSnapshotId: string;
  snapshotId: string;
  snapshotPartnershipId: string;
  asset?: { partnershipId: string; shownBySnapshot: boolean };
}

export type PolicyTarget = PartnershipTarget | SnapshotLinkTarget;

/**
 * Why the policy refused: nobody signed in, not a member (or not the linked
 * snapshot), the role lacks the action, or only the archive stands in the way.
 */
export type RefusalReason = 'anonymous' | 'notMember' | 'role' | 'archived';

/** The policy's answer, with its reason when it refuses. */
export type Verdict = { allowed: true } | { allowed: false; reason: RefusalReason };

const ALLOWED: Verdict = { allowed: true };
const refused = (reason: RefusalReason): Verdict => ({ allowed: false, reason });

/**
 * The one permission decision of the server. HTTP routes and the sync upgrade
 * both ask it; it reads the role table from `@samverka/model`.
 */
export function can(actor: Actor | undefined, action: Action, target: PolicyTarget): Verdict {
  if (target.kind === 'snapshotLink') {
    const linked = PERMISSIONS[action].snapshotLink === 'linkedSnapshotOnly';
    if (!linked || target.linkedSnapshotId !== target.snapshotId) return refused('notMember');
    const { asset } = target;
    if (asset && !(asset.partnershipId === target.snapshotPartnershipId && asset.shownBySnapshot)) {
      return refused('notMember');
    }
    return ALLOWED;
  }
  if (!actor) return refused('anonymous');
  if (!target.membership) return refused('notMember');
  if (!PERMISSIONS[action][target.membership.role]) return refused('role');
  if (target.archived && CONTENT_CHANGING_ACTIONS.has(action)) return refused('archived');
  return ALLOWED;
}

/** The caller's abilities on a partnership, as API responses carry them. */
export function abilitiesOf(actor: Actor | undefined, target: PartnershipTarget): Abilities {
  return Object.fromEntries(ACTIONS.map((action) => [action, can(actor, action, target).allowed])) as Abilities;
}
