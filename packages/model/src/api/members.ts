import { z } from 'zod';
import { emailSchema, idSchema, isoDateTimeSchema, roleSchema, sideSchema } from './common.ts';

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;

export const memberSchema = z.object({
  userId: idSchema,
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  side: sideSchema,
  joinedAt: isoDateTimeSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const membersResponseSchema = z.object({ members: z.array(memberSchema) });
export type MembersResponse = z.infer<typeof membersResponseSchema>;

export const memberResponseSchema = z.object({ member: memberSchema });
export type MemberResponse = z.infer<typeof memberResponseSchema>;

export const updateMemberRequestSchema = z.strictObject({ role: roleSchema });
export type UpdateMemberRequest = z.infer<typeof updateMemberRequestSchema>;

export const createInvitationRequestSchema = z.strictObject({ email: emailSchema, role: roleSchema, side: sideSchema });
export type CreateInvitationRequest = z.infer<typeof createInvitationRequestSchema>;

export const invitationSchema = z.object({
  id: idSchema,
  email: z.string(),
  role: roleSchema,
  side: sideSchema,
  createdAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
});
export type Invitation = z.infer<typeof invitationSchema>;

/** 201 answer: `url` ends in the one-time token, shown once; only its hash is stored. */
export const createInvitationResponseSchema = z.object({
  invitation: invitationSchema,
  /** The link, to copy: it works whether or not an email went out. */
  url: z.string(),
  /** Whether the server sent the invitation by email (SMTP is configured). */
  emailed: z.boolean(),
});
export type CreateInvitationResponse = z.infer<typeof createInvitationResponseSchema>;

export const invitationsResponseSchema = z.object({ invitations: z.array(invitationSchema) });
export type InvitationsResponse = z.infer<typeof invitationsResponseSchema>;

/** GET /api/invitations/:token: what a link holder is being invited to. */
export const invitationPreviewResponseSchema = z.object({
  partnershipName: z.string(),
  email: z.string(),
  role: roleSchema,
  side: sideSchema,
  expiresAt: isoDateTimeSchema,
});
export type InvitationPreviewResponse = z.infer<typeof invitationPreviewResponseSchema>;

export const acceptInvitationResponseSchema = z.object({ partnershipId: idSchema, role: roleSchema, side: sideSchema });
export type AcceptInvitationResponse = z.infer<typeof acceptInvitationResponseSchema>;
