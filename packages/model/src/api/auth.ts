import { z } from 'zod';
import { emailSchema, idSchema, isoDateTimeSchema, nameSchema } from './common.ts';
import { LOCALES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PERSON_NAME_MAX_LENGTH } from './limits.ts';
import { notificationModeSchema } from './notifications.ts';

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

export const localeSchema = z.enum(LOCALES);

/** An invitation link's one-time token (URL-safe). */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

export const signupRequestSchema = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  name: nameSchema(PERSON_NAME_MAX_LENGTH, 'enter your name'),
  /** The language the person signs up in; emails to them use it. */
  locale: localeSchema.optional(),
  /** The invitation being accepted: lets its invitee in whatever the sign-up policy. */
  invitationToken: invitationTokenSchema.optional(),
});
export type SignupRequest = z.infer<typeof signupRequestSchema>;

export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'enter your password').max(PASSWORD_MAX_LENGTH),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** PATCH /api/me: the person's stored preferences (at least one). */
export const updateMeRequestSchema = z
  .strictObject({ locale: localeSchema.optional(), notifications: notificationModeSchema.optional() })
  .refine((body) => body.locale !== undefined || body.notifications !== undefined, 'change at least one preference');
export type UpdateMeRequest = z.infer<typeof updateMeRequestSchema>;

/** POST /api/auth/password-reset: always 202 with the same answer, whether or not the account exists. */
export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** A password-reset link's token (URL-safe, from the link's fragment). */
export const passwordResetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/);

/** POST /api/auth/password-reset/confirm: sets the new password once; every session of the account ends. */
export const confirmPasswordResetRequestSchema = z.strictObject({
  token: passwordResetTokenSchema,
  newPassword: newPasswordSchema,
});
export type ConfirmPasswordResetRequest = z.infer<typeof confirmPasswordResetRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  /** The language emails to this person are written in (their last choice in the app). */
  locale: localeSchema,
  /** False while the person must still open the link emailed at sign-up (only when the server sends email). */
  emailVerified: z.boolean(),
  /** How mentions and replies reach them by email. */
  notifications: notificationModeSchema,
});
export type User = z.infer<typeof userSchema>;

/** Answer of signup (201), login (200) and GET /api/me (200). */
export const userResponseSchema = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

/** GET /api/session: who is signed in, or null; always 200, because "signed out" is an answer, not an error. */
export const sessionUserResponseSchema = z.object({ user: userSchema.nullable() });
export type SessionUserResponse = z.infer<typeof sessionUserResponseSchema>;

export const sessionSchema = z.object({
  id: idSchema,
  createdAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema,
  expiresAt: isoDateTimeSchema,
  userAgent: z.string().nullable(),
  /** The session this request was made with. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const sessionsResponseSchema = z.object({ sessions: z.array(sessionSchema) });
export type SessionsResponse = z.infer<typeof sessionsResponseSchema>;

/** Answer of DELETE /api/sessions/others and POST /api/auth/password. */
export const sessionsEndedResponseSchema = z.object({ ended: z.number().int() });
export type SessionsEndedResponse = z.infer<typeof sessionsEndedResponseSchema>;

/** Who may create an account: anyone, only invitees, or invitees and addresses at the listed mail domains. */
export const SIGNUP_MODES = ['open', 'invite-only', 'domains'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

/** GET /api/auth/signup-policy: what the sign-up page explains before and after a refusal. */
export const signupPolicyResponseSchema = z.object({
  mode: z.enum(SIGNUP_MODES),
  /** Lower-case mail domains accepted in `domains` mode (empty otherwise). */
  domains: z.array(z.string()),
});
export type SignupPolicyResponse = z.infer<typeof signupPolicyResponseSchema>;

/**
 * Whether an email's domain is one of `domains` (lower-case): the part after the last `@`,
 * compared whole, so `evil.uni.se` and `uni.se.evil.com` are not `uni.se`.
 */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return domains.includes(domain);
}

/** DELETE /api/me: deleting one's account is confirmed with the password. */
export const deleteAccountRequestSchema = z.strictObject({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });
export type DeleteAccountRequest = z.infer<typeof deleteAccountRequestSchema>;

/** GET /api/me/export: everything the service holds about the signed-in person, as one JSON file. */
export const accountExportSchema = z.object({
  exportedAt: isoDateTimeSchema,
  account: z.object({
    id: idSchema,
    email: z.string(),
    name: z.string(),
    locale: localeSchema,
    createdAt: isoDateTimeSchema,
    /** When the address was confirmed through the emailed link; null if never. */
    emailVerifiedAt: isoDateTimeSchema.nullable(),
    notifications: notificationModeSchema,
  }),
  sessions: z.array(
    z.object({ createdAt: isoDateTimeSchema, lastSeenAt: isoDateTimeSchema, userAgent: z.string().nullable() }),
  ),
  memberships: z.array(
    z.object({
      partnershipId: idSchema,
      partnershipName: z.string(),
      role: z.string(),
      side: z.string(),
      joinedAt: isoDateTimeSchema,
    }),
  ),
  invitationsSent: z.array(
    z.object({ partnershipId: idSchema, email: z.string(), role: z.string(), createdAt: isoDateTimeSchema }),
  ),
  documentsCreated: z.array(
    z.object({ id: idSchema, partnershipId: idSchema, title: z.string(), createdAt: isoDateTimeSchema }),
  ),
  filesUploaded: z.array(
    z.object({
      id: idSchema,
      documentId: idSchema,
      contentType: z.string(),
      bytes: z.number(),
      createdAt: isoDateTimeSchema,
    }),
  ),
  activity: z.array(
    z.object({
      partnershipId: idSchema,
      type: z.string(),
      details: z.record(z.string(), z.unknown()),
      createdAt: isoDateTimeSchema,
    }),
  ),
  /** Single sign-on identities linked to the account: provider id and the provider's subject. */
  singleSignOn: z.array(
    z.object({
      provider: z.string(),
      subject: z.string(),
      linkedAt: isoDateTimeSchema,
      lastSignInAt: isoDateTimeSchema,
    }),
  ),
});
export type AccountExport = z.infer<typeof accountExportSchema>;
