import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, roleAllows } from './permissions.ts';
import { ROLES } from './roles.ts';

describe('the permission table', () => {
  it('has a row for every action and a column for every role', () => {
    for (const action of ACTIONS) {
      for (const role of ROLES) expect(typeof PERMISSIONS[action][role]).toBe('boolean');
    }
  });

  it('gives each role no more than the role above it', () => {
    for (const action of ACTIONS) {
      for (let i = 1; i < ROLES.length; i++) {
        const lower = ROLES[i] as (typeof ROLES)[number];
        const higher = ROLES[i - 1] as (typeof ROLES)[number];
        if (roleAllows(lower, action)) expect(roleAllows(higher, action), `${action}: ${higher} ≥ ${lower}`).toBe(true);
      }
    }
  });

  it('keeps members management with owners and content read-only for commenters and viewers', () => {
    expect(ROLES.filter((role) => roleAllows(role, 'manageMembers'))).toEqual(['owner']);
    expect(ROLES.filter((role) => roleAllows(role, 'edit'))).toEqual(['owner', 'editor']);
    expect(ROLES.filter((role) => roleAllows(role, 'comment'))).toEqual(['owner', 'editor', 'commenter']);
    expect(PERMISSIONS.read.snapshotLink).toBe('linkedSnapshotOnly');
  });
});
