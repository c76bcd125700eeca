/**
 * Worker-thread entry: the one connection that writes the update log of an SQLite
 * database. better-sqlite3's commit (and its fsync, with synchronous=FULL) is
 * synchronous; on the main thread it blocked the relay loop for every group commit
 * (a fifth to a quarter of the main thread's time in the fan-out profile,
 * docs/benchmarks.md). Here it blocks only this thread.
 *
 * Requests are answered strictly in arrival order. Appends that arrive while a
 * commit runs are committed together in the next transaction (group commit across
 * the main thread's batches). WAL checkpoints are taken out of the commits
 * (wal_autocheckpoint off) and run as PASSIVE checkpoints after the answers are
 * sent, at a quiet moment, so no update waits for the main database file's fsync.
 *
 * Loaded by Node itself (type stripping) or from the bundle: types only, no TS-only syntax.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import type { WriterReply, WriterRequest, WriterThreadOptions } from './sqliteWriterProtocol.ts';
import { yieldToMainWrites } from './writeTurns.ts';

/**
 * A checkpoint is due after this many commits (each writes a few WAL pages) or this many bytes
 * written (SQLite's own auto-checkpoint comes at 1000 pages, about 4 MB)…
 */
const CHECKPOINT_AFTER_COMMITS = 200;
const CHECKPOINT_AFTER_BYTES = 1 << 20;
/** …and waits until no request has come for this long… */
const CHECKPOINT_QUIET_MS = 2;
/** …unless the writer never goes quiet (a fast ingest): then it runs at four times those anyway. */
const CHECKPOINT_FORCED_FACTOR = 4;
/** Bytes a stored row costs beside its update (row header, ids, index entry), for the estimate above. */
const ROW_OVERHEAD_BYTES = 64;
/** The main connection writes too (it checkpoints by itself only past SQLite's 1,000 pages): check now and then. */
const CHECKPOINT_INTERVAL_MS = 10_000;

const options = workerData as WriterThreadOptions;
const port = parentPort;
if (!port) throw new Error('sqliteWriterThread must run as a worker thread');

const sqlite = new SqliteDatabase(options.file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
sqlite.pragma('foreign_keys = ON');
sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
sqlite.pragma('wal_autocheckpoint = 0');

// Prepared on first use: the table may not exist before the main thread has run the migrations.
let insertRow: SqliteDatabase.Statement | undefined;
let deleteRow: SqliteDatabase.Statement | undefined;
let insertRowWithId: SqliteDatabase.Statement | undefined;

type Append = Extract<WriterRequest, { kind: 'append' }>;

/** One transaction for every append of a run of requests; ids per request, in order. */
const appendAll = sqlite.transaction((requests: readonly Append[]): number[][] => {
  insertRow ??= sqlite.prepare('INSERT INTO document_updates (document_id, data, created_at) VALUES (?, ?, ?)');
  const statement = insertRow;
  const now = Date.now();
  return requests.map((request) =>
    request.updates.map((u) => Number(statement.run(u.documentId, toBuffer(u.update), now).lastInsertRowid)),
  );
});

/** Thrown inside `replaceRows` to roll it back. */
class RowsGone extends Error {}

const replaceRows = sqlite.transaction((documentId: string, rowIds: readonly number[], state: Uint8Array) => {
  deleteRow ??= sqlite.prepare('DELETE FROM document_updates WHERE document_id = ? AND id = ?');
  insertRowWithId ??= sqlite.prepare(
    'INSERT INTO document_updates (id, document_id, data, created_at) VALUES (?, ?, ?, ?)',
  );
  let deleted = 0;
  for (const id of rowIds) deleted += deleteRow.run(documentId, id).changes;
  // Another compaction took some of them: roll back rather than store a state beside its merge.
  if (deleted !== rowIds.length) throw new RowsGone();
  insertRowWithId.run(
    rowIds.reduce((a, b) => Math.max(a, b)),
    documentId,
    toBuffer(state),
    Date.now(),
  );
});

let pending: WriterRequest[] = [];
let scheduled = false;
let commitsSinceCheckpoint = 0;
let bytesSinceCheckpoint = 0;
let quietTimer: NodeJS.Timeout | undefined;

port.on('message', (request: WriterRequest) => {
  pending.push(request);
  // A request came: this is not a quiet moment; the checkpoint waits for the next one.
  quietTimer?.refresh();
  if (scheduled) return;
  scheduled = true;
  // Requests posted in the same turn of the main thread arrive together: one transaction for them.
  setImmediate(processPending);
});

function processPending(): void {
  scheduled = false;
  const requests = pending;
  pending = [];
  let run: Append[] = [];
  for (const request of requests) {
    if (request.kind === 'append') {
      run.push(request);
      continue;
    }
    commitAppends(run);
    run = [];
    if (request.kind === 'replace') {
      answerReplace(request);
      continue;
    }
    close(request.id);
    return;
  }
  commitAppends(run);
  // How far past due: 1 when a checkpoint is due, CHECKPOINT_FORCED_FACTOR when it cannot wait.
  const due = Math.max(
    commitsSinceCheckpoint / CHECKPOINT_AFTER_COMMITS,
    bytesSinceCheckpoint / CHECKPOINT_AFTER_BYTES,
  );
  if (due >= CHECKPOINT_FORCED_FACTOR) checkpoint();
  else if (due >= 1) quietTimer ??= setTimeout(checkpoint, CHECKPOINT_QUIET_MS);
}

function commitAppends(run: readonly Append[]): void {
  if (run.length === 0) return;
  let replies: WriterReply[];
  yieldToMainWrites(options.mainWrites);
  try {
    const ids = appendAll(run);
    replies = run.map((request, i) => ({ id: request.id, result: ids[i] as number[] }));
    commitsSinceCheckpoint += 1;
    for (const request of run)
      for (const u of request.updates) bytesSinceCheckpoint += u.update.byteLength + ROW_OVERHEAD_BYTES;
  } catch (error) {
    // The transaction rolled back: none of its requests is stored.
    replies = run.map((request) => ({ id: request.id, error: messageOf(error) }));
  }
  for (const reply of replies) port?.postMessage(reply);
}

function answerReplace(request: Extract<WriterRequest, { kind: 'replace' }>): void {
  yieldToMainWrites(options.mainWrites);
  try {
    replaceRows(request.documentId, request.rowIds, request.state);
    commitsSinceCheckpoint += 1;
    bytesSinceCheckpoint += request.state.byteLength + ROW_OVERHEAD_BYTES;
    port?.postMessage({ id: request.id, result: true } satisfies WriterReply);
  } catch (error) {
    if (error instanceof RowsGone) port?.postMessage({ id: request.id, result: false } satisfies WriterReply);
    else port?.postMessage({ id: request.id, error: messageOf(error) } satisfies WriterReply);
  }
}

/** Copies committed WAL pages into the database file without waiting for (or blocking) anyone. */
function checkpoint(): void {
  clearTimeout(quietTimer);
  quietTimer = undefined;
  commitsSinceCheckpoint = 0;
  bytesSinceCheckpoint = 0;
  try {
    sqlite.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or failed: the WAL keeps the pages; the next checkpoint copies them.
  }
}

const periodic = setInterval(checkpoint, CHECKPOINT_INTERVAL_MS);
periodic.unref();

function close(id: number): void {
  clearInterval(periodic);
  clearTimeout(quietTimer);
  checkpoint();
  sqlite.close();
  port?.postMessage({ id, result: true } satisfies WriterReply);
  port?.close();
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
