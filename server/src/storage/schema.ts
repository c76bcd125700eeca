import type {
  DocumentKind,
  LifecyclePhase,
  Locale,
  NotificationKind,
  NotificationMode,
  PartnershipLanguage,
  Role,
  Side,
  ThreadAnchorType,
  ThreadStatus,
} from '@samverka/model';
import type { Generated } from 'kysely';

/** Kysely's view of every table; one migration set creates them on SQLite and PostgreSQL. */
export interface DatabaseSchema extends AccountTables, CommentTables, SnapshotTables, OidcTables {
  document_updates: DocumentUpdatesTable;
  assets: AssetsTable;
}

/** Snapshots, their copied document states, share links and acknowledgements (migration 0007). Epoch ms. */
export interface SnapshotTables {
  snapshots: SnapshotsTable;
  snapshot_documents: SnapshotDocumentsTable;
  snapshot_links: SnapshotLinksTable;
  snapshot_acknowledgements: SnapshotAcknowledgementsTable;
}

export interface SnapshotsTable {
  id: string;
  partnership_id: string;
  name: string;
  created_by: string | null;
  created_by_side: Side | null;
  created_at: number;
  open_threads: number;
  resolved_threads: number;
  partnership_name: string;
  university_name: string;
  partner_name: string;
  phase: LifecyclePhase;
}

export interface SnapshotDocumentsTable {
  snapshot_id: string;
  document_id: string;
  kind: DocumentKind;
  title: string;
  position: number;
  state: Uint8Array;
}

export interface SnapshotLinksTable {
  id: string;
  snapshot_id: string;
  /** Hex SHA-256 of the token. */
  token_hash: string;
  created_by: string | null;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface SnapshotAcknowledgementsTable {
  id: string;
  snapshot_id: string;
  user_id: string | null;
  side: Side;
  acknowledged_at: number;
}

/** Comment threads and the partnership event log (migration 0005). Times are epoch milliseconds. */
export interface CommentTables {
  comment_threads: CommentThreadsTable;
  comment_messages: CommentMessagesTable;
  comment_mentions: { message_id: string; user_id: string };
  comment_reads: CommentReadsTable;
  partnership_events: PartnershipEventsTable;
  partnership_event_horizon: { key: string; first_kept_id: number };
}

export interface CommentThreadsTable {
  id: string;
  partnership_id: string;
  anchor_type: ThreadAnchorType;
  /** The anchored document, for shape and text anchors. */
  document_id: string | null;
  /** The whole anchor as JSON. */
  anchor: string;
  status: ThreadStatus;
  created_by: string | null;
  created_at: number;
  resolved_by: string | null;
  resolved_at: number | null;
  /** Strictly increasing per thread, so read state can compare against it. */
  last_message_at: number;
}

export interface CommentMessagesTable {
  id: string;
  thread_id: string;
  partnership_id: string;
  author_id: string | null;
  /** Empty once deleted. */
  body: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

export interface CommentReadsTable {
  thread_id: string;
  user_id: string;
  /** The thread's `last_message_at` when this person last read it. */
  read_up_to: number;
}

export interface PartnershipEventsTable {
  id: Generated<number>;
  partnership_id: string;
  type: string;
  /** Only this person hears the event; null: every member. */
  recipient_id: string | null;
  /** JSON of the ids the event names. */
  details: string;
  created_at: number;
}

/** A file dropped on a canvas, readable by members of its partnership. */
export interface AssetsTable {
  id: string;
  partnership_id: string;
  document_id: string;
  content_type: string;
  byte_size: number;
  data: Uint8Array;
  created_by: string;
  created_at: number;
}

/**
 * The Yjs update log. Each row is one committed update, or after compaction the
 * merged state of every row it replaced (it keeps the highest id it merged).
 */
export interface DocumentUpdatesTable {
  id: Generated<number>;
  document_id: string;
  data: Uint8Array;
  created_at: number;
}

/** Accounts and what hangs off them (migration 0002). Times are epoch milliseconds. */
export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  partnerships: PartnershipsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  documents: DocumentsTable;
  audit_events: AuditEventsTable;
  password_resets: PasswordResetsTable;
  email_verifications: EmailVerificationsTable;
  unsubscribe_tokens: UnsubscribeTokensTable;
  notification_queue: NotificationQueueTable;
}

export interface UsersTable {
  id: string;
  /** Trimmed and lower-cased. */
  email: string;
  name: string;
  /** argon2id PHC string. */
  password_hash: string;
  created_at: number;
  /** The language emails to this person are written in (migration 0005). */
  locale?: Locale;
  /** Set by an operator (`pnpm samverka user:disable`): no sign-in, no sessions. */
  disabled_at?: number | null;
  /** When the person opened the link emailed at sign-up; null until then (migration 0008). */
  email_verified_at?: number | null;
  /** How mentions and replies reach them by email (migration 0008). */
  notify_mode?: NotificationMode;
}

/** An email-verification link's token, stored only as its hash; one day, one use. */
export interface EmailVerificationsTable {
  token_hash: string;
  user_id: string;
  email: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** An unsubscribe link's token (one per notification email), stored only as its hash. */
export interface UnsubscribeTokensTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

/** A notification waiting to be emailed (or done): the outbox and the digest's queue. */
export interface NotificationQueueTable {
  id: Generated<number>;
  user_id: string;
  partnership_id: string;
  thread_id: string;
  message_id: string;
  kind: NotificationKind;
  delivery: 'immediate' | 'digest';
  created_at: number;
  claim_id: string | null;
  claimed_until: number | null;
  done_at: number | null;
}

/** OpenID Connect sign-in (migration 0009). Times are epoch milliseconds. */
export interface OidcTables {
  oidc_identities: OidcIdentitiesTable;
  oidc_login_attempts: OidcLoginAttemptsTable;
  oidc_pending_links: OidcPendingLinksTable;
}

/** A provider's subject, linked to one account. */
export interface OidcIdentitiesTable {
  /** The configured provider id (`OIDC_PROVIDERS`). */
  provider: string;
  /** The provider's `sub` claim: stable per person at that provider, unlike the email. */
  subject: string;
  user_id: string;
  created_at: number;
  last_login_at: number;
}

/** One sign-in round trip under way: claimed once by its callback, ten minutes at most. */
export interface OidcLoginAttemptsTable {
  /** Hex SHA-256 of the `state` sent to the provider (the browser also holds it in a cookie). */
  state_hash: string;
  provider: string;
  nonce: string;
  code_verifier: string;
  /** An invitation the person came from, which lets them in under `SIGNUP=invite-only`. */
  invitation_token: string | null;
  /** A local path to land on afterwards. */
  next_path: string | null;
  /** The UI language at the start, for an account made at the callback. */
  locale: Locale;
  expires_at: number;
}

/** A provider identity waiting to be linked until the person signs in to `user_id` with its password. */
export interface OidcPendingLinksTable {
  /** Hex SHA-256 of the token in the browser's link cookie. */
  token_hash: string;
  user_id: string;
  provider: string;
  subject: string;
  expires_at: number;
}

/** A password-reset link's token, stored only as its hash; one hour, one use. */
export interface PasswordResetsTable {
  /** Hex SHA-256 of the token. */
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  /** Hex SHA-256 of the token's secret part; the secret itself is never stored. */
  secret_hash: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
}

export interface PartnershipsTable {
  id: string;
  name: string;
  university_name: string;
  partner_name: string;
  language: PartnershipLanguage;
  start_date: string | null;
  term_years: number | null;
  phase: LifecyclePhase;
  created_by: string | null;
  created_at: number;
  archived_at: number | null;
}

export interface MembershipsTable {
  partnership_id: string;
  user_id: string;
  role: Role;
  side: Side;
  created_at: number;
}

export interface InvitationsTable {
  id: string;
  partnership_id: string;
  email: string;
  role: Role;
  side: Side;
  /** Hex SHA-256 of the one-time token. */
  token_hash: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}

export interface DocumentsTable {
  id: string;
  partnership_id: string;
  kind: DocumentKind;
  title: string;
  created_by: string | null;
  created_at: number;
  /** Set while archived (hidden from the default list, read-only over sync, restorable). */
  archived_at?: number | null;
  /** Last durable content change or rename, and who made it. */
  edited_at?: number | null;
  edited_by?: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  partnership_id: string;
  type: string;
  actor_user_id: string | null;
  actor_side: string | null;
  /** JSON object of the event's facts. */
  details: string;
  created_at: number;
}
