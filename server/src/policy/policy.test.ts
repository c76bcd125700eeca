import { ACTIONS, type Action, PERMISSIONS, ROLES, type Role } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import { abilitiesOf, can, type PartnershipTarget } from './policy.ts';

const member = (role: Role, archived = false): PartnershipTarget => ({
  kind: 'partnership',
  partnershipId: 'p1',
  membership: { role, side: 'university' },
  archived,
});
const actor = { userId: 'u1' };

/** The design brief's role table, written out independently of the model's data. */
const EXPECTED: Record<Action, Role[]> = {
  read: ['owner', 'editor', 'commenter', 'viewer'],
  edit: ['owner', 'editor'],
  comment: ['owner', 'editor', 'commenter'],
  resolveAnyThread: ['owner', 'editor'],
  resolveOwnThread: ['owner', 'editor', 'commenter'],
  createSnapshot: ['owner', 'editor'],
  manageSnapshotLinks: ['owner', 'editor'],
  acknowledgeSnapshot: ['owner', 'editor', 'commenter', 'viewer'],
  manageSnapshots: ['owner'],
  manageMembers: ['owner'],
  managePartnership: ['owner'],
  readAudit: ['owner'],
  leave: ['owner', 'editor', 'commenter', 'viewer'],
};

describe('can()', () => {
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actor, action, member(role)).allowed).toBe(allowed);
      });
    }
  }

  it('refuses everything to anonymous callers and non-members', () => {
    for (const action of ACTIONS) {
      expect(can(undefined, action, member('owner'))).toEqual({ allowed: false, reason: 'anonymous' });
      expect(
        can(actor, action, { kind: 'partnership', partnershipId: 'p1', membership: undefined, archived: false }),
      ).toEqual({ allowed: false, reason: 'notMember' });
    }
  });

  it('refuses content changes in an archived partnership but still lets members read', () => {
    expect(can(actor, 'edit', member('owner', true))).toEqual({ allowed: false, reason: 'archived' });
    expect(can(actor, 'comment', member('editor', true))).toEqual({ allowed: false, reason: 'archived' });
    expect(can(actor, 'comment', member('viewer', true))).toEqual({ allowed: false, reason: 'role' });
    expect(can(actor, 'read', member('viewer', true)).allowed).toBe(true);
    expect(can(actor, 'createSnapshot', member('editor', true))).toEqual({ allowed: false, reason: 'archived' });
    // Stopping a share link changes no content: an archived partnership can still do it.
    expect(can(actor, 'manageSnapshotLinks', member('editor', true)).allowed).toBe(true);
  });

  it('lets a share link read only its own snapshot', () => {
    const link = (snapshotId: string) =>
      ({ kind: 'snapshotLink', linkedSnapshotId: 's1', snapshotId, snapshotPartnershipId: 'p1' }) as const;
    expect(can(undefined, 'read', link('s1')).allowed).toBe(true);
    expect(can(undefined, 'read', link('s2')).allowed).toBe(false);
    const linkActions = ACTIONS.filter((action) => PERMISSIONS[action].snapshotLink !== false);
    expect(linkActions).toEqual(['read']);
  });

  it("lets a share link read only the uploads of its snapshot's partnership that its canvases show", () => {
    const link = {
      kind: 'snapshotLink',
      linkedSnapshotId: 's1',
      snapshotId: 's1',
      snapshotPartnershipId: 'p1',
    } as const;
    const asset = (partnershipId: string, shownBySnapshot: boolean) => ({
      ...link,
      asset: { partnershipId, shownBySnapshot },
    });
    expect(can(undefined, 'read', asset('p1', true)).allowed).toBe(true);
    expect(can(undefined, 'read', asset('p1', false))).toEqual({ allowed: false, reason: 'notMember' });
    expect(can(undefined, 'read', asset('p2', true))).toEqual({ allowed: false, reason: 'notMember' });
    expect(can(undefined, 'read', { ...asset('p1', true), snapshotId: 's2' }).allowed).toBe(false);
  });

  it('reports abilities as one boolean per action', () => {
    const abilities = abilitiesOf(actor, member('commenter'));
    expect(Object.keys(abilities).sort()).toEqual([...ACTIONS].sort());
    expect(abilities.comment).toBe(true);
    expect(abilities.edit).toBe(false);
  });
});
