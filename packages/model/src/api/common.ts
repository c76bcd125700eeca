import { z } from 'zod';
import { ACTIONS } from '../permissions.ts';
import { SIDES } from '../presence.ts';
import { ROLES } from '../roles.ts';
import { EMAIL_PATTERN } from './email.ts';
import { EMAIL_MAX_LENGTH } from './limits.ts';

/** An email address as the API stores it: trimmed and lower-cased before it is checked. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH)
  .pipe(z.email({ pattern: EMAIL_PATTERN, error: 'enter a valid email address' }));

/**
 * Control characters and bidirectional controls (embeddings, overrides,
 * isolates, marks): invisible, and able to make a name in a member list read
 * as another. Zero-width (non-)joiners stay; scripts and emoji need them.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** A name as stored and shown: NFC-normalised, hidden characters removed, trimmed. */
export function cleanName(value: string): string {
  return value.normalize('NFC').replace(HIDDEN_CHARACTERS, '').trim();
}

/** A person's, organisation's or document's name: cleaned, then 1 to `max` characters. */
export function nameSchema(max: number, emptyMessage: string) {
  return z.string().transform(cleanName).pipe(z.string().min(1, emptyMessage).max(max));
}

/** Ids in paths and bodies are opaque URL-safe strings. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Timestamps travel as ISO 8601 strings. */
export const isoDateTimeSchema = z.string();

export const roleSchema = z.enum(ROLES);
export const sideSchema = z.enum(SIDES);

/** The caller's rights on one partnership: every action of the permission table, true or false. */
export const abilitiesSchema = z.object(
  Object.fromEntries(ACTIONS.map((action) => [action, z.boolean()])) as Record<(typeof ACTIONS)[number], z.ZodBoolean>,
);

/** Advice the server accepted the request despite (e.g. a term below five years). */
export const warningSchema = z.object({ id: z.string(), message: z.string() });
export type ApiWarning = z.infer<typeof warningSchema>;

/** Stable ids of warnings. */
export const WarningId = {
  TERM_BELOW_RECOMMENDED: 'term_below_recommended',
} as const;

/** The body of every error response; `fields` names what was wrong with which input. */
export const errorResponseSchema = z.object({
  error: z.object({
    id: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
