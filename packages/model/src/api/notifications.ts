import { z } from 'zod';

/**
 * How a person hears of mentions and replies in their threads by email: one email each
 * (`immediate`), one email a day listing them (`digest`), or none (`off`).
 */
export const NOTIFICATION_MODES = ['immediate', 'digest', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];
export const notificationModeSchema = z.enum(NOTIFICATION_MODES);

/** What a queued notification is about. A message that both mentions and replies is one `mention`. */
export const NOTIFICATION_KINDS = ['mention', 'reply'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An email-verification or unsubscribe link's token (URL-safe). */
export const emailLinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/);

/** Query of the token-authenticated email pages (`/api/email/verify`, `/api/email/unsubscribe`). */
export const emailLinkQuerySchema = z.object({ token: emailLinkTokenSchema });
