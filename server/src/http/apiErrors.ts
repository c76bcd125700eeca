import { ErrorId } from '@samverka/model';
import { ApiError } from './httpErrors.ts';

/** Error factories with stable ids; routes and commands throw these, never ad-hoc errors. */
export const apiErrors = {
  unauthenticated: () => new ApiError(401, ErrorId.UNAUTHENTICATED, 'Sign in to continue'),
  /** Used for partnership-scoped ids the caller cannot see: existence is never revealed. */
  notFound: (what = 'Not found') => new ApiError(404, ErrorId.NOT_FOUND, what),
  forbidden: (message = 'Your role does not allow this') => new ApiError(403, ErrorId.FORBIDDEN, message),
  csrfRejected: () => new ApiError(403, ErrorId.CSRF_REJECTED, 'The request did not come from an allowed origin'),
  rateLimited: () => new ApiError(429, ErrorId.RATE_LIMITED, 'Too many attempts; try again later'),
  invalidCredentials: () => new ApiError(401, ErrorId.INVALID_CREDENTIALS, 'Wrong email or password'),
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
  templateNotApplicable: () =>
    new ApiError(400, ErrorId.TEMPLATE_NOT_APPLICABLE, 'This template is for another kind of document', {
      template: 'this template is for another kind of document',
    }),
};
