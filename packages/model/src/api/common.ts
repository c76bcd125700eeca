import { z } from 'zod';
import { ACTIONS } from '../permissions.ts';
import { SIDES } from '../presence.ts';
import { ROLES } from '../roles.ts';
import { EMAIL_MAX_LENGTH } from './limits.ts';

/** An email address as the API stores it: trimmed and lower-cased before it is checked. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH)
  .pipe(z.email('enter a valid email address'));

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
