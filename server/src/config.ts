import path from 'node:path';
import { DEFAULT_ASSET_MAX_BYTES } from '@samverka/model';
import { z } from 'zod';

/** Every setting the server reads, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sqliteSynchronous: 'full' | 'normal';
  publicUrl: string;
  allowedOrigins: string[];
  tldrawLicenseKey: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  clientDistDir: string;
  sync: SyncLimits;
  rateLimits: RateLimits;
  /** Files dropped on a canvas. */
  assets: { maxBytes: number };
  /** The partnership event log and its streams (comments). */
  events: { retentionMs: number; heartbeatMs: number };
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
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const intInRange = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  PORT: intInRange(0, 65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  SQLITE_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  TLDRAW_LICENSE_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST_DIR: z.string().min(1).optional(),
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
  // Generous per-IP default: tests and classrooms sign many people up from one address.
  RATE_LIMIT_WINDOW_MS: intInRange(1000, 86_400_000).default(15 * 60 * 1000),
  RATE_LIMIT_PER_IP: intInRange(1, 1_000_000).default(300),
  RATE_LIMIT_PER_ACCOUNT: intInRange(1, 1_000_000).default(20),
  ASSET_MAX_BYTES: intInRange(1024, 1024 * 1024 * 1024).default(DEFAULT_ASSET_MAX_BYTES),
  // How long a client may be away and still resume its event stream without a resync.
  EVENT_LOG_RETENTION_HOURS: intInRange(1, 24 * 365).default(7 * 24),
  // Under the 60 s idle timeouts of common proxies.
  EVENT_STREAM_HEARTBEAT_MS: intInRange(100, 3_600_000).default(25_000),
});

const defaultClientDist = path.resolve(import.meta.dirname, '../../client/dist');

/** Reads and validates the environment; a bad value throws naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const extraOrigins = (e.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    publicUrl,
    allowedOrigins: [new URL(publicUrl).origin, ...extraOrigins],
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
    logLevel: e.LOG_LEVEL,
    clientDistDir: e.CLIENT_DIST_DIR ? path.resolve(e.CLIENT_DIST_DIR) : defaultClientDist,
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
    },
    assets: { maxBytes: e.ASSET_MAX_BYTES },
    events: { retentionMs: e.EVENT_LOG_RETENTION_HOURS * 3_600_000, heartbeatMs: e.EVENT_STREAM_HEARTBEAT_MS },
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
