import { z } from 'zod';
import { idSchema, isoDateTimeSchema, sideSchema } from './common.ts';

/** Everything the audit trail records. */
export const AUDIT_EVENT_TYPES = [
  'partnership_created',
  'partnership_renamed',
  'partnership_phase_changed',
  'partnership_archived',
  'member_invited',
  'invitation_revoked',
  'member_joined',
  'member_role_changed',
  'member_removed',
  'member_left',
  'document_renamed',
  'document_archived',
  'document_restored',
  'document_deleted',
  'thread_resolved',
  'thread_reopened',
  'thread_deleted',
  'snapshot_created',
  'snapshot_renamed',
  'snapshot_deleted',
  'snapshot_link_created',
  'snapshot_link_revoked',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const auditEventSchema = z.object({
  id: idSchema,
  type: z.enum(AUDIT_EVENT_TYPES),
  createdAt: isoDateTimeSchema,
  /** Who did it, with the side they were on at the time; null when the account is gone. */
  actor: z.object({ userId: idSchema, name: z.string(), side: sideSchema.nullable() }).nullable(),
  /** Facts of the event, e.g. `{ email, role }` or `{ from, to }`. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditResponseSchema = z.object({ events: z.array(auditEventSchema) });
export type AuditResponse = z.infer<typeof auditResponseSchema>;
