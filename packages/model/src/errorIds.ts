/**
 * Stable error ids of the HTTP API. Bodies look like
 * `{ "error": { "id": "<ErrorId>", "message": "..." } }`; integrators match on the id.
 */
export const ErrorId = {
  VALIDATION_FAILED: 'validation_failed',
  UNKNOWN_FIELD: 'unknown_field',
  NOT_FOUND: 'not_found',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  CSRF_REJECTED: 'csrf_rejected',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  RATE_LIMITED: 'rate_limited',
  INVALID_CREDENTIALS: 'invalid_credentials',
  INTERNAL_ERROR: 'internal_error',
  /** An upload whose type is not allowed, or whose bytes are not what its type claims. */
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  /** Sign-up with an email that already has an account. */
  EMAIL_TAKEN: 'email_taken',
  /** The password is on the list of most common passwords. */
  PASSWORD_TOO_COMMON: 'password_too_common',
  /** Password change with a wrong current password. */
  WRONG_PASSWORD: 'wrong_password',
  /** The last owner of a partnership cannot leave, be removed or be demoted. */
  LAST_OWNER: 'last_owner',
  /** The invited person is already a member. */
  ALREADY_MEMBER: 'already_member',
  /** The invitation token is unknown or was revoked. */
  INVITATION_NOT_FOUND: 'invitation_not_found',
  /** The invitation is older than its 7-day lifetime. */
  INVITATION_EXPIRED: 'invitation_expired',
  /** The invitation was already accepted; tokens work once. */
  INVITATION_USED: 'invitation_used',
  /** Signed in as someone other than the invited email. */
  INVITATION_EMAIL_MISMATCH: 'invitation_email_mismatch',
  /** The partnership is archived; its content can no longer change. */
  PARTNERSHIP_ARCHIVED: 'partnership_archived',
  /** The template does not fit the document kind. */
  TEMPLATE_NOT_APPLICABLE: 'template_not_applicable',
  /** Only text documents export to Markdown or HTML. */
  EXPORT_NOT_AVAILABLE: 'export_not_available',
  /** The partnership's register cannot be archived or deleted: it is created once, with the partnership. */
  DOCUMENT_REQUIRED: 'document_required',
  /** A CSV import with rows that fail the schema; the body lists `rows: [{ row, field, message }]` and nothing was imported. */
  INVALID_ROWS: 'invalid_rows',
  /** Assets (images, videos) belong on canvases only. */
  NOT_A_CANVAS: 'not_a_canvas',
  /** A message mentions someone who is not a member of the partnership. */
  MENTION_NOT_MEMBER: 'mention_not_member',
  /** A thread's anchor names a goal, risk, document or shape the partnership does not have. */
  ANCHOR_NOT_FOUND: 'anchor_not_found',
  /** A message mentions more people than `COMMENT_MENTIONS_PER_MESSAGE` allows. */
  TOO_MANY_MENTIONS: 'too_many_mentions',
  /** Only a message's author may edit or delete it. */
  NOT_AUTHOR: 'not_author',
  /** The sign-up policy (`SIGNUP`) does not let this email create an account without an invitation. */
  SIGNUP_NOT_ALLOWED: 'signup_not_allowed',
  /** A password-reset link that is unknown, expired (one hour) or already used. */
  RESET_TOKEN_INVALID: 'reset_token_invalid',
  /** A share link's `expiresAt` that is not in the future, or further than `SNAPSHOT_LINK_MAX_DAYS` away. */
  LINK_EXPIRY_INVALID: 'link_expiry_invalid',
  /** The partnership already has `SNAPSHOTS_PER_PARTNERSHIP` snapshots; an owner deletes some first. */
  SNAPSHOT_LIMIT_REACHED: 'snapshot_limit_reached',
  /** An OpenID Connect callback without the state this browser was given at its start (forged, stale or used). */
  OIDC_STATE_INVALID: 'oidc_state_invalid',
  /** The identity provider refused our authorization code (used before, expired) or its answer failed our checks. */
  OIDC_CODE_REJECTED: 'oidc_code_rejected',
  /** The identity provider could not be reached or described itself wrongly. */
  OIDC_PROVIDER_UNAVAILABLE: 'oidc_provider_unavailable',
  /** The person cancelled at the identity provider, or it refused them. */
  OIDC_CANCELLED: 'oidc_cancelled',
  /** A new account needs an email address the identity provider says it has verified. */
  OIDC_EMAIL_UNVERIFIED: 'oidc_email_unverified',
  /** The account this identity is linked to is disabled by an operator. */
  OIDC_ACCOUNT_DISABLED: 'oidc_account_disabled',
  /** The account's email address is not verified yet (the link emailed at sign-up); resend it from the account page. */
  EMAIL_UNVERIFIED: 'email_unverified',
} as const;

export type ErrorIdValue = (typeof ErrorId)[keyof typeof ErrorId];

/** The JSON body of every API error. */
export interface ApiErrorBody {
  error: { id: ErrorIdValue | string; message: string; fields?: Record<string, string> };
}
