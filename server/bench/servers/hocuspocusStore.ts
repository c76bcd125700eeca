import SqliteDatabase from 'better-sqlite3';

/** File name of the Hocuspocus peer's SQLite database inside its data folder. */
export const HOCUSPOCUS_DB_FILE = 'hocuspocus.db';

/**
 * Opens the Hocuspocus peer's SQLite file: one state blob per document, as the
 * Database extension fetches and stores it. The same pragmas as ours, so the
 * durability of a store is comparable.
 */
export function openHocuspocusDb(file: string): SqliteDatabase.Database {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
  return db;
}

/** Writes (or replaces) one document's state blob. */
export function putHocuspocusState(db: SqliteDatabase.Database, name: string, state: Uint8Array): void {
  db.prepare(
    'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
  ).run(name, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
}
