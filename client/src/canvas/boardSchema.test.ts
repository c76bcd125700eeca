import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { compareSchemas } from './boardSchema.ts';

const current = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils }).schema.serialize();

function withSequence(sequence: string, version: number): { schemaVersion: 2; sequences: Record<string, number> } {
  return {
    schemaVersion: 2,
    sequences: { ...(current as { sequences: Record<string, number> }).sequences, [sequence]: version },
  };
}

describe('compareSchemas', () => {
  it('finds the client’s own schema the same', () => {
    expect(compareSchemas(current, current)).toBe('same');
  });
  it('finds a lower record version older', () => {
    expect(compareSchemas(withSequence('com.tldraw.shape.frame', 0), current)).toBe('older');
  });
  it('finds a higher record version newer, even when another is lower', () => {
    const stored = { ...withSequence('com.tldraw.shape.geo', 99) };
    stored.sequences['com.tldraw.shape.frame'] = 0;
    expect(compareSchemas(stored, current)).toBe('newer');
  });
  it('finds a record type the client does not know newer', () => {
    expect(compareSchemas(withSequence('com.tldraw.shape.hologram', 1), current)).toBe('newer');
  });
});
