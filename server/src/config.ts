import path from 'node:path';
import { DEFAULT_ASSET_MAX_BYTES, SIGNUP_MODES, type SignupMode } from '@samverka/model';
import { z } from 'zod';
import { parseTrustedProxies } from './http/clientAddress.ts';
import { parseOidcProviders } from './oidc/oidcSettings.ts';

/** Every setting the server reads, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Set when several processes share the database: Redis carries their updates, events and counters. */
  redis: RedisSettings | undefined;
  sqliteSynchronous: 'full' | 'normal';
  publicUrl: string;
  allowedOrigins: string[];
  tldrawLicenseKey: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  clientDistDir: string;
  /** Serve the client's `*.map` files (a build with SOURCE_MAPS=1 has them); off, they are 404. */
  serveSourceMaps: boolean;
  sync: SyncLimits;
  rateLimits: RateLimits;
  /** Files dropped on a canvas. */
  assets: { maxBytes: number };
  /** The partnership event log and its streams (comments). */
  /** Comment event streams: log retention, heartbeat, and streams one account may hold open per process. */
  events: { retentionMs: number; heartbeatMs: number; maxStreamsPerAccount: number };
  /** What one account may post: threads, replies and edits per minute, and people mentioned per message. */
  comments: { postsPerMinute: number; mentionsPerMessage: number };
  /** Snapshot work one account may do per hour, and the snapshots one partnership may keep. */
  snapshots: { writesPerHour: number; maxPerPartnership: number };
  /** Reverse proxies whose X-Forwarded-For names the client (addresses and CIDR ranges). */
  trustedProxies: string[];
  /** Bearer token that /metrics requires; unset: /metrics answers only to loopback peers. */
  metricsToken: string | undefined;
  /** Who may create an account; an invitation always lets its invitee in. */
  signup: SignupPolicy;
  /** Outgoing email; without `smtpUrl` each email is logged (subject and masked link) instead. */
  mail: MailConfig;
  /** OpenID Connect providers people may sign in with (`OIDC_PROVIDERS`), in the order the sign-in page shows them. */
  oidcProviders: OidcProviderSettings[];
}

/** One OpenID Connect provider, from `OIDC_<ID>_*`. */
export interface OidcProviderSettings {
  /** Lower-case id from `OIDC_PROVIDERS`; the callback is `<PUBLIC_URL>/api/auth/oidc/<id>/callback`. */
  id: string;
  /** The sign-in button's label, e.g. `Lund University`. */
  name: string;
  issuer: string;
  clientId: string;
  /** Undefined: a public client, PKCE alone. */
  clientSecret: string | undefined;
  /** Take the provider's `email` as verified even without `email_verified` (a bridge from SWAMID vouches for `mail`). */
  trustEmail: boolean;
}

export interface MailConfig {
  /** `smtp://` or `smtps://`, with credentials and options as nodemailer reads them; undefined: log only. */
  smtpUrl: string | undefined;
  /** The From header, e.g. `Samverka <samverka@uni.se>`. */
  from: string;
  /** Hour of the day (UTC, 0–23) the daily notification digest is sent. */
  digestHourUtc: number;
}

export interface SignupPolicy {
  mode: SignupMode;
  /** Lower-case mail domains whose addresses may sign up in `domains` mode. */
  domains: string[];
}

/** Where the processes of one installation meet; see `scaleout/redisLink.ts`. */
export interface RedisSettings {
  url: string;
  /** Prefix of every key and channel, so installations (or test runs) sharing one Redis never meet. */
  prefix: string;
}

/** Attempts allowed per window on login, sign-up and invitation acceptance, each counted separately. */
export interface RateLimits {
  windowMs: number;
  perIp: number;
  perAccount: number;
}

/** Limits and timings of the live sync endpoint. */
export interface SyncLimits {
  maxFrameBytes: number;
  idleTimeoutMs: number;
  pingIntervalMs: number;
  awarenessUpdatesPerSecond: number;
  maxConnectionsPerDocument: number;
  /** Sockets one account may hold to one document, so one person cannot fill a room. */
  maxConnectionsPerAccountPerDocument: number;
  /** Sockets one account may hold across all documents. */
  maxConnectionsPerAccount: number;
  /** Largest stored size of one document's update log; updates past it are refused. */
  maxDocumentBytes: number;
  roomUnloadGraceMs: number;
  compactionThreshold: number;
  /** A loaded document nobody edited or read for between this and twice this keeps only its encoded state (0: never). */
  sleepAfterMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const intInRange = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

/** A host name of at least two labels (uni.se), no leading `@` or `*.`: domains are matched whole. */
const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

const envSchema = z
  .object({
    PORT: intInRange(0, 65535).default(8787),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    SQLITE_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - only')
      .default('samverka'),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    ALLOWED_ORIGINS: z.string().optional(),
    TLDRAW_LICENSE_KEY: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CLIENT_DIST_DIR: z.string().min(1).optional(),
    SERVE_SOURCE_MAPS: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
    SYNC_MAX_FRAME_BYTES: intInRange(1024, 256 * 1024 * 1024).default(8 * 1024 * 1024),
    SYNC_IDLE_TIMEOUT_MS: intInRange(1000, 3_600_000).default(90_000),
    SYNC_PING_INTERVAL_MS: intInRange(500, 3_600_000).default(30_000),
    SYNC_AWARENESS_RATE: intInRange(1, 10_000).default(60),
    SYNC_MAX_CONNECTIONS_PER_DOCUMENT: intInRange(1, 100_000).default(500),
    SYNC_MAX_CONNECTIONS_PER_ACCOUNT_PER_DOCUMENT: intInRange(1, 100_000).default(20),
    SYNC_MAX_CONNECTIONS_PER_ACCOUNT: intInRange(1, 1_000_000).default(200),
    SYNC_MAX_DOCUMENT_BYTES: intInRange(1024, 4 * 1024 * 1024 * 1024).default(50 * 1024 * 1024),
    SYNC_ROOM_UNLOAD_GRACE_MS: intInRange(0, 3_600_000).default(10_000),
    SYNC_COMPACTION_THRESHOLD: intInRange(2, 10_000_000).default(1000),
    SYNC_SLEEP_AFTER_MS: intInRange(0, 86_400_000).default(10_000),
    // Generous per-IP default: tests and classrooms sign many people up from one address.
    RATE_LIMIT_WINDOW_MS: intInRange(1000, 86_400_000).default(15 * 60 * 1000),
    RATE_LIMIT_PER_IP: intInRange(1, 1_000_000).default(300),
    RATE_LIMIT_PER_ACCOUNT: intInRange(1, 1_000_000).default(20),
    ASSET_MAX_BYTES: intInRange(1024, 1024 * 1024 * 1024).default(DEFAULT_ASSET_MAX_BYTES),
    // How long a client may be away and still resume its event stream without a resync.
    EVENT_LOG_RETENTION_HOURS: intInRange(1, 24 * 365).default(7 * 24),
    // Under the 60 s idle timeouts of common proxies.
    EVENT_STREAM_HEARTBEAT_MS: intInRange(100, 3_600_000).default(25_000),
    // A person with a few browsers and tabs open; each stream holds ~18 KB of server memory.
    EVENT_STREAMS_PER_ACCOUNT: intInRange(1, 100_000).default(20),
    // A fast typist in a lively discussion posts a few messages a minute; a script posts hundreds.
    COMMENT_POSTS_PER_MINUTE: intInRange(1, 100_000).default(30),
    // Snapshots, renames, share links and comparisons with now each load or store every
    // document of a partnership; a person reviewing takes a few an hour, a script hundreds.
    SNAPSHOT_WRITES_PER_HOUR: intInRange(1, 1_000_000).default(60),
    // Each snapshot stores a copy of every document; a long partnership with weekly reviews stays far below.
    SNAPSHOTS_PER_PARTNERSHIP: intInRange(1, 1_000_000).default(500),
    // Each mention lands in someone's inbox; a team partnership rarely has more people to name.
    COMMENT_MENTIONS_PER_MESSAGE: intInRange(1, 10_000).default(20),
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        try {
          parseTrustedProxies(listOf(value));
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    MAIL_FROM: z.string().min(3).max(320).optional(),
    DIGEST_HOUR_UTC: intInRange(0, 23).default(6),
    SIGNUP: z.enum(SIGNUP_MODES).default('open'),
    SIGNUP_DOMAINS: z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((domain) => domain.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(DOMAIN_NAME, 'must be mail domains such as uni.se, separated by commas')))
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SIGNUP === 'domains' && !env.SIGNUP_DOMAINS?.length)
      ctx.addIssue({ code: 'custom', path: ['SIGNUP_DOMAINS'], message: 'SIGNUP=domains needs at least one domain' });
    if (env.SIGNUP !== 'domains' && env.SIGNUP_DOMAINS?.length)
      ctx.addIssue({ code: 'custom', path: ['SIGNUP_DOMAINS'], message: 'is only read when SIGNUP=domains' });
  });

/** A comma-separated setting as its trimmed, non-empty entries. */
function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

const defaultClientDist = path.resolve(import.meta.dirname, '../../client/dist');

/** Reads and validates the environment; a bad value throws naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const oidc = parseOidcProviders(stripEmpty(env));
  if (!oidc.ok) throw new ConfigError(`Invalid configuration:\n  ${oidc.problems.join('\n  ')}`);
  const e = parsed.data;
  // Processes that share Redis must share the database too: each one's SQLite file would diverge.
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL: needs DATABASE_URL (several processes share PostgreSQL)',
    );
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const extraOrigins = listOf(e.ALLOWED_ORIGINS);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : undefined,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    publicUrl,
    allowedOrigins: [new URL(publicUrl).origin, ...extraOrigins],
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
    logLevel: e.LOG_LEVEL,
    clientDistDir: e.CLIENT_DIST_DIR ? path.resolve(e.CLIENT_DIST_DIR) : defaultClientDist,
    serveSourceMaps: e.SERVE_SOURCE_MAPS,
    sync: {
      maxFrameBytes: e.SYNC_MAX_FRAME_BYTES,
      idleTimeoutMs: e.SYNC_IDLE_TIMEOUT_MS,
      pingIntervalMs: e.SYNC_PING_INTERVAL_MS,
      awarenessUpdatesPerSecond: e.SYNC_AWARENESS_RATE,
      maxConnectionsPerDocument: e.SYNC_MAX_CONNECTIONS_PER_DOCUMENT,
      maxConnectionsPerAccountPerDocument: e.SYNC_MAX_CONNECTIONS_PER_ACCOUNT_PER_DOCUMENT,
      maxConnectionsPerAccount: e.SYNC_MAX_CONNECTIONS_PER_ACCOUNT,
      maxDocumentBytes: e.SYNC_MAX_DOCUMENT_BYTES,
      roomUnloadGraceMs: e.SYNC_ROOM_UNLOAD_GRACE_MS,
      compactionThreshold: e.SYNC_COMPACTION_THRESHOLD,
      sleepAfterMs: e.SYNC_SLEEP_AFTER_MS,
    },
    assets: { maxBytes: e.ASSET_MAX_BYTES },
    events: {
      retentionMs: e.EVENT_LOG_RETENTION_HOURS * 3_600_000,
      heartbeatMs: e.EVENT_STREAM_HEARTBEAT_MS,
      maxStreamsPerAccount: e.EVENT_STREAMS_PER_ACCOUNT,
    },
    comments: { postsPerMinute: e.COMMENT_POSTS_PER_MINUTE, mentionsPerMessage: e.COMMENT_MENTIONS_PER_MESSAGE },
    snapshots: { writesPerHour: e.SNAPSHOT_WRITES_PER_HOUR, maxPerPartnership: e.SNAPSHOTS_PER_PARTNERSHIP },
    trustedProxies: listOf(e.TRUSTED_PROXIES),
    metricsToken: e.METRICS_TOKEN,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `Samverka <noreply@${new URL(publicUrl).hostname}>`,
      digestHourUtc: e.DIGEST_HOUR_UTC,
    },
    oidcProviders: oidc.providers,
    signup: { mode: e.SIGNUP, domains: e.SIGNUP === 'domains' ? (e.SIGNUP_DOMAINS ?? []) : [] },
    rateLimits: {
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      perIp: e.RATE_LIMIT_PER_IP,
      perAccount: e.RATE_LIMIT_PER_ACCOUNT,
    },
  };
}

/** Treats `VAR=` like an unset variable, as shells and .env files often produce it. */
function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') result[key] = value;
  return result;
}
