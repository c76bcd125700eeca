/** The side of the partnership a member belongs to. */
export const SIDES = ['university', 'partner'] as const;
export type Side = (typeof SIDES)[number];

/** What every client puts in its awareness `user` field. */
export interface PresenceUser {
  name: string;
  color: string;
  side?: Side;
}

/**
 * Colours for collaborator cursors, chosen for contrast on white (WCAG AA with white text).
 * No error red: a person's chip must not look like a warning.
 */
export const PRESENCE_COLORS = [
  '#1d4ed8',
  '#4338ca',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#be185d',
  '#0e7490',
  '#4d7c0f',
] as const;

/** Picks a stable colour for a person from their name or id. */
export function presenceColorFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}

/**
 * The shortest gap between two live messages a client sends about the same thing
 * while someone moves (a canvas cursor, a dragged shape): one 30 fps frame. tldraw's
 * own sync pushes at most 30 times a second when others are present
 * (`COLLABORATIVE_MODE_FPS`); faster adds frames to relay and apply, not smoothness.
 */
export const LIVE_FRAME_MS = 33;
