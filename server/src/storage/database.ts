import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SelectQueryNode,
  SqliteDialect,
  type SqliteDialectConfig,
} from 'kysely';
import type Pg from 'pg';
import type { Logger } from '../logger.ts';
import type { DatabaseSchema } from './schema.ts';
import { SqliteWriterThread, type UpdateLogWriter } from './sqliteWriter.ts';
import { MainWriteTurns } from './writeTurns.ts';

export type Dialect = 'sqlite' | 'postgres';

/** The one way to tell the SQL dialect, from any Kysely instance or transaction. */
export function dialectOf(db: Kysely<DatabaseSchema>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export interface Database {
  db: Kysely<DatabaseSchema>;
  dialect: Dialect;
  /**
   * SQLite only: the update log's writer, a second connection in a worker thread, so
   * a commit's fsync never blocks the main thread (started on first use).
   */
  updateLogWriter?: UpdateLogWriter;
  close(): Promise<void>;
}

/** Opens the SQLite file under `dataDir`, or PostgreSQL when a URL is given. */
export function openDatabase(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Where connection-level PostgreSQL errors go (default: stderr). */
  log?: Logger | undefined;
  /** SQLite's sync level; see `SQLITE_SYNCHRONOUS` in the README. */
  sqliteSynchronous?: SqliteSynchronous | undefined;
}): Database {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.log);
  return openSqlite(sqliteFile(options.dataDir), options.sqliteSynchronous ?? 'full');
}

/**
 * `full` fsyncs every group commit: an acknowledged edit survives a power cut.
 * `normal` (with WAL) survives a process crash or SIGKILL but may lose the last
 * commits to a power cut or OS crash, and does not block the event loop on fsync.
 */
export type SqliteSynchronous = 'full' | 'normal';

/** The SQLite database file inside `DATA_DIR`. */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'samverka.db');
}

/** How long a connection waits for another's write lock (the writer thread's and the main thread's). */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

function openSqlite(file: string, synchronous: SqliteSynchronous): Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers proceed during a write; the sync level is the operator's durability choice.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const turns = new MainWriteTurns();
  const db = new Kysely<DatabaseSchema>({ dialect: new ImmediateSqliteDialect({ database: sqlite }, turns) });
  const updateLogWriter = new SqliteWriterThread({
    file,
    synchronous,
    busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
    mainWrites: turns.shared,
  });
  return {
    db,
    dialect: dialectOf(db),
    updateLogWriter,
    async close() {
      // The writer answers (commits) everything asked of it before its connection closes.
      await updateLogWriter.close();
      await db.destroy();
    },
  };
}

/**
 * Kysely's SQLite dialect with every transaction begun IMMEDIATE (the write lock taken
 * at BEGIN). The writer thread commits on its own connection: a deferred transaction
 * here that read before one of its commits could then not write at all (SQLITE_BUSY
 * snapshot, which no busy timeout retries). Taking the lock first waits instead.
 * Every transaction, and every statement outside one that is not a plain select, takes
 * its turn at the lock (`MainWriteTurns`), so the writer thread lets it go first.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly turns: MainWriteTurns,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const { turns } = this;
    let inTransaction = false;
    const turnTaken = new WeakSet<DatabaseConnection>();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      const connection = await acquire();
      if (!turnTaken.has(connection)) {
        turnTaken.add(connection);
        const execute = connection.executeQuery.bind(connection);
        connection.executeQuery = (query) =>
          inTransaction || SelectQueryNode.is(query.query) ? execute(query) : turns.during(() => execute(query));
      }
      return connection;
    };
    const commit = driver.commitTransaction.bind(driver);
    const rollback = driver.rollbackTransaction.bind(driver);
    // Once per transaction: a failed commit is followed by a rollback.
    const endTransaction = () => {
      if (!inTransaction) return;
      inTransaction = false;
      turns.end();
    };
    driver.beginTransaction = async (connection) => {
      turns.begin();
      inTransaction = true;
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      } catch (error) {
        endTransaction();
        throw error;
      }
    };
    driver.commitTransaction = async (connection) => {
      try {
        await commit(connection);
      } finally {
        endTransaction();
      }
    };
    driver.rollbackTransaction = async (connection) => {
      try {
        await rollback(connection);
      } finally {
        endTransaction();
      }
    };
    return driver;
  }
}

/**
 * pg is loaded only when PostgreSQL is configured: an SQLite server is spared its memory
 * (docs/benchmarks.md, "Idle server"). `require`, not `import()`, keeps openDatabase synchronous.
 */
function loadPg(): typeof Pg {
  return createRequire(import.meta.url)('pg') as typeof Pg;
}

function openPostgres(url: string, log: Logger | undefined): Database {
  const pg = loadPg();
  // bigint ids come back as strings by default; ours stay well within 2^53.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection that PostgreSQL drops (restart, failover, an admin) makes
  // the pool emit 'error'; unhandled, that event would crash the whole server. The pool
  // discards that connection and opens a new one for the next query.
  pool.on('error', (error) => {
    if (log) log.warn({ err: error.message }, 'PostgreSQL connection lost; the pool reconnects');
    else console.error('PostgreSQL connection lost; the pool reconnects:', error.message);
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: dialectOf(db), close: () => db.destroy() };
}
