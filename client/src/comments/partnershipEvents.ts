import type { PartnershipEvent } from '@samverka/model';

// Apart from eventStream.ts (which parses events with the model's zod schemas) so the header's
// inbox count can listen without putting zod into the first download.
/** Partnership events from the open stream, for listeners outside the thread store (the header's inbox count). */
const listeners = new Set<(event: PartnershipEvent | 'resync') => void>();

export function onPartnershipEvent(listener: (event: PartnershipEvent | 'resync') => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitPartnershipEvent(event: PartnershipEvent | 'resync'): void {
  for (const listener of listeners) listener(event);
}
