import { describe, expect, it } from 'vitest';
import { Revocations } from './revocations.ts';

describe('Revocations', () => {
  it('refuses sockets authorised before the person’s rights changed, not after', () => {
    const revocations = new Revocations();
    revocations.record('anna', 1_000);
    expect(revocations.revokedSince('anna', 900)).toBe(true);
    expect(revocations.revokedSince('anna', 1_000)).toBe(true);
    expect(revocations.revokedSince('anna', 1_001)).toBe(false);
    expect(revocations.revokedSince('erik', 900)).toBe(false);
    expect(revocations.revokedSince(undefined, 900)).toBe(false);
  });

  it('forgets changes old enough not to matter', () => {
    const revocations = new Revocations(60_000);
    revocations.record('anna', 0);
    revocations.record('erik', 120_000);
    expect(revocations.revokedSince('anna', -1)).toBe(false);
    expect(revocations.revokedSince('erik', 100_000)).toBe(true);
  });
});
