import { readDocMeta } from '@samverka/model';
import type * as Y from 'yjs';
import { RegisterGuard } from './registerGuard.ts';

/** The verdict on one incoming update: admitted, or refused with what was wrong. */
export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks updates against a document kind's schema before the room applies,
 * stores or relays them. A kind without a schema check has no validator.
 */
export interface DocumentValidator {
  /** Checks an update (and remembers it when admitted); throws only for undecodable updates. */
  admit(update: Uint8Array): UpdateVerdict;
  /** Remembers updates another server process already checked and stored, without checking them again. */
  stored(updates: readonly Uint8Array[]): void;
  /** Forgets everything and copies the room's document again (after the room dropped pending updates). */
  reset(): void;
}

/** The validator for a loaded document, chosen by the kind stamped in its meta map. */
export function validatorFor(doc: Y.Doc): DocumentValidator | undefined {
  return readDocMeta(doc)?.kind === 'register' ? new RegisterGuard(doc) : undefined;
}
