import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { releaseStartupMemory } from './startupMemory.ts';

const newSpaceBytes = () =>
  v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

describe('releaseStartupMemory', () => {
  it('shrinks the young generation a busy start grew, without leaving a global gc behind', () => {
    // Grow new space as start-up does: many objects that survive a few scavenges.
    const kept: object[] = [];
    for (let i = 0; i < 400_000; i++) kept.push({ i, text: `entry ${i}` });
    const grown = newSpaceBytes();
    kept.length = 0;

    releaseStartupMemory();

    expect(newSpaceBytes()).toBeLessThan(grown);
    expect(newSpaceBytes()).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
