import { type ApiErrorBody, ErrorId, type ErrorIdValue } from '@samverka/model';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../logger.ts';
import { loggablePath } from './requestLogging.ts';

/** An error a route throws on purpose: a status, a stable id and a message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly id: ErrorIdValue,
    message: string,
    /** Per-field messages for validation errors, keyed by the field's path. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Error factories with stable ids; routes and commands throw these, never ad-hoc errors. */
export const apiErrors = {
  unauthenticated: () => new ApiError(401, ErrorId.UNAUTHENTICATED, 'Sign in to continue'),
  /**
   * Anything not there or not the caller's: one status, id and message for
   * every kind of id, so an answer never reveals that an id exists.
   */
  notACanvas: () => new ApiError(400, ErrorId.NOT_A_CANVAS, 'Assets can only be added to a canvas'),
  notFound: () => new ApiError(404, ErrorId.NOT_FOUND, 'Not found'),
  noSuchRoute: () => new ApiError(404, ErrorId.NOT_FOUND, 'No such API route'),
  payloadTooLarge: (message: string) => new ApiError(413, ErrorId.PAYLOAD_TOO_LARGE, message),
  unsupportedMediaType: (message: string) => new ApiError(415, ErrorId.UNSUPPORTED_MEDIA_TYPE, message),
  validationFailed: (message: string, fields?: Record<string, string>) =>
    new ApiError(400, ErrorId.VALIDATION_FAILED, message, fields),
  unknownField: (message: string, fields: Record<string, string>) =>
    new ApiError(400, ErrorId.UNKNOWN_FIELD, message, fields),
  forbidden: (message = 'Your role does not allow this') => new ApiError(403, ErrorId.FORBIDDEN, message),
  csrfRejected: () => new ApiError(403, ErrorId.CSRF_REJECTED, 'The request did not come from an allowed origin'),
  rateLimited: () => new ApiError(429, ErrorId.RATE_LIMITED, 'Too many attempts; try again later'),
  invalidCredentials: () => new ApiError(401, ErrorId.INVALID_CREDENTIALS, 'Wrong email or password'),
  resetTokenInvalid: () =>
    new ApiError(400, ErrorId.RESET_TOKEN_INVALID, 'This password-reset link is not valid, has expired or was used'),
  emailUnverified: () =>
    new ApiError(403, ErrorId.EMAIL_UNVERIFIED, 'Confirm your email address first: open the link we emailed you'),
  signupNotAllowed: () =>
    new ApiError(
      403,
      ErrorId.SIGNUP_NOT_ALLOWED,
      'This service accepts new accounts only by invitation or from certain email domains',
    ),
  emailTaken: () => new ApiError(409, ErrorId.EMAIL_TAKEN, 'An account with this email already exists'),
  passwordTooCommon: () =>
    new ApiError(400, ErrorId.PASSWORD_TOO_COMMON, 'This password is too common; choose another', {
      password: 'this password is among the most common ones',
    }),
  wrongPassword: () =>
    new ApiError(403, ErrorId.WRONG_PASSWORD, 'The current password is wrong', {
      currentPassword: 'the current password is wrong',
    }),
  lastOwner: () =>
    new ApiError(409, ErrorId.LAST_OWNER, 'A partnership needs at least one owner; make someone else owner first'),
  alreadyMember: () => new ApiError(409, ErrorId.ALREADY_MEMBER, 'This person is already a member'),
  invitationNotFound: () =>
    new ApiError(404, ErrorId.INVITATION_NOT_FOUND, 'This invitation does not exist or was withdrawn'),
  invitationExpired: () => new ApiError(410, ErrorId.INVITATION_EXPIRED, 'This invitation has expired'),
  invitationUsed: () => new ApiError(410, ErrorId.INVITATION_USED, 'This invitation was already used'),
  invitationEmailMismatch: () =>
    new ApiError(403, ErrorId.INVITATION_EMAIL_MISMATCH, 'This invitation was sent to another email address'),
  partnershipArchived: () =>
    new ApiError(409, ErrorId.PARTNERSHIP_ARCHIVED, 'This partnership is archived and can no longer change'),
  documentRequired: () =>
    new ApiError(409, ErrorId.DOCUMENT_REQUIRED, 'The goals and risks register belongs to the partnership and stays'),
  exportNotAvailable: () =>
    new ApiError(400, ErrorId.EXPORT_NOT_AVAILABLE, 'Only text documents can be exported to Markdown or HTML'),
  anchorNotFound: () =>
    new ApiError(400, ErrorId.ANCHOR_NOT_FOUND, 'The thread is anchored to something this partnership does not have', {
      anchor: 'this goal, risk, document, shape or text is not in this partnership',
    }),
  mentionNotMember: () =>
    new ApiError(
      400,
      ErrorId.MENTION_NOT_MEMBER,
      'The message mentions someone who is not a member of this partnership',
      {
        body: 'mention only members of this partnership',
      },
    ),
  tooManyMentions: (max: number) =>
    new ApiError(400, ErrorId.TOO_MANY_MENTIONS, `A message may mention at most ${max} people`),
  commentsRateLimited: () =>
    new ApiError(429, ErrorId.RATE_LIMITED, 'Too many comments in a short time; try again later'),
  snapshotsRateLimited: () =>
    new ApiError(429, ErrorId.RATE_LIMITED, 'Too many snapshot changes in a short time; try again later'),
  snapshotLimitReached: (max: number) =>
    new ApiError(
      409,
      ErrorId.SNAPSHOT_LIMIT_REACHED,
      `A partnership may keep at most ${max} snapshots; delete some before taking another`,
    ),
  linkExpiryInvalid: () =>
    new ApiError(400, ErrorId.LINK_EXPIRY_INVALID, 'A link must expire in the future and within a year', {
      expiresAt: 'choose a time in the future, at most a year away',
    }),
  notAuthor: () => new ApiError(403, ErrorId.NOT_AUTHOR, 'Only the author of a message may change it'),
  templateNotApplicable: () =>
    new ApiError(400, ErrorId.TEMPLATE_NOT_APPLICABLE, 'This template is for another kind of document', {
      template: 'this template is for another kind of document',
    }),
};

/** Turns any thrown value into the API's error body; unknown errors hide their details. */
export function handleError(error: unknown, c: Context, log: Logger): Response {
  if (error instanceof ApiError) {
    const body: ApiErrorBody = {
      error: { id: error.id, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    };
    return c.json(body, error.status);
  }
  // The path may hold an invitation token; log it masked like every request line.
  log.error(
    { err: error instanceof Error ? error.stack : String(error), path: loggablePath(c.req.path) },
    'unhandled error',
  );
  const body: ApiErrorBody = { error: { id: ErrorId.INTERNAL_ERROR, message: 'Something went wrong on the server' } };
  return c.json(body, 500);
}
