import type { SerializedSchema } from 'tldraw';

/** How a board's stored tldraw schema relates to this client's. */
export type SchemaRelation = 'same' | 'older' | 'newer';

function sequencesOf(schema: SerializedSchema): Record<string, number> {
  // Schema version 1 (tldraw 2.0) stored record versions differently; anything
  // without `sequences` is older than every client we ship.
  return 'sequences' in schema ? schema.sequences : {};
}

/**
 * Compares the schema a board was written with to the client's. "newer" wins
 * over "older": if any record type is ahead of us (or unknown to us), we could
 * not write records that client would accept, so we must not write at all.
 */
export function compareSchemas(stored: SerializedSchema, current: SerializedSchema): SchemaRelation {
  if (stored.schemaVersion > current.schemaVersion) return 'newer';
  const theirs = sequencesOf(stored);
  const ours = sequencesOf(current);
  let older = stored.schemaVersion < current.schemaVersion;
  for (const [sequence, version] of Object.entries(theirs)) {
    const mine = ours[sequence];
    if (mine === undefined || version > mine) return 'newer';
    if (version < mine) older = true;
  }
  for (const sequence of Object.keys(ours)) if (theirs[sequence] === undefined) older = true;
  return older ? 'older' : 'same';
}
