import { z } from 'zod';
import { LIFECYCLE_PHASES, PARTNERSHIP_LANGUAGES } from '../roles.ts';
import {
  abilitiesSchema,
  idSchema,
  isoDateTimeSchema,
  nameSchema,
  roleSchema,
  sideSchema,
  warningSchema,
} from './common.ts';

import { NAME_MAX_LENGTH, TERM_YEARS_MAX, TERM_YEARS_MIN } from './limits.ts';

const organisationName = nameSchema(NAME_MAX_LENGTH, 'enter a name');
/** A calendar date, `YYYY-MM-DD`. */
const calendarDate = z.iso.date();

export const createPartnershipRequestSchema = z.strictObject({
  name: organisationName,
  universityName: organisationName,
  partnerName: organisationName,
  /** The side the creator is on; they become its owner. */
  side: sideSchema,
  language: z.enum(PARTNERSHIP_LANGUAGES).optional(),
  startDate: calendarDate.optional(),
  termYears: z.number().int().min(TERM_YEARS_MIN).max(TERM_YEARS_MAX).optional(),
  phase: z.enum(LIFECYCLE_PHASES).optional(),
});
export type CreatePartnershipRequest = z.infer<typeof createPartnershipRequestSchema>;

/** PATCH /api/partnerships/:id: rename, or move to another lifecycle phase. */
export const updatePartnershipRequestSchema = z.strictObject({
  name: organisationName.optional(),
  phase: z.enum(LIFECYCLE_PHASES).optional(),
});
export type UpdatePartnershipRequest = z.infer<typeof updatePartnershipRequestSchema>;

export const partnershipSchema = z.object({
  id: idSchema,
  name: z.string(),
  universityName: z.string(),
  partnerName: z.string(),
  language: z.enum(PARTNERSHIP_LANGUAGES),
  startDate: z.string().nullable(),
  termYears: z.number().int().nullable(),
  phase: z.enum(LIFECYCLE_PHASES),
  createdAt: isoDateTimeSchema,
  archivedAt: isoDateTimeSchema.nullable(),
});
export type Partnership = z.infer<typeof partnershipSchema>;

/** A partnership seen by one member: their role, side and abilities. */
export const partnershipViewSchema = z.object({
  partnership: partnershipSchema,
  role: roleSchema,
  side: sideSchema,
  abilities: abilitiesSchema,
});
export type PartnershipView = z.infer<typeof partnershipViewSchema>;

/** Answer of POST (201) and PATCH / archive (200): the view plus any warnings. */
export const partnershipChangedResponseSchema = partnershipViewSchema.extend({ warnings: z.array(warningSchema) });
export type PartnershipChangedResponse = z.infer<typeof partnershipChangedResponseSchema>;

/** One row of GET /api/partnerships: the partnership's fields flattened with the caller's role. */
export const partnershipListItemSchema = partnershipSchema.extend({
  role: roleSchema,
  side: sideSchema,
  abilities: abilitiesSchema,
});
export type PartnershipListItem = z.infer<typeof partnershipListItemSchema>;

export const partnershipsResponseSchema = z.object({ partnerships: z.array(partnershipListItemSchema) });
export type PartnershipsResponse = z.infer<typeof partnershipsResponseSchema>;
