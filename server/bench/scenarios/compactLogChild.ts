/**
 * Child-process entry: compacts one document's log with SqlUpdateLogStore.compact
 * (env DATA_DIR, DOCUMENT_ID) and prints {"ms","merged"}. A child, so the bench
 * can bound a compaction that runs too long by killing it.
 */
import { openDatabase } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrations.ts';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';

const database = openDatabase({ dataDir: process.env.DATA_DIR ?? '.' });
await migrateToLatest(database.db, database.dialect);
const started = performance.now();
const merged = await new SqlUpdateLogStore(database.db).compact(process.env.DOCUMENT_ID ?? '');
const ms = performance.now() - started;
await database.close();
console.log(JSON.stringify({ ms, merged }));
