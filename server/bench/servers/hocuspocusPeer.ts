/**
 * Child-process entry: Hocuspocus v3 persisting each document as one state blob
 * in SQLite through @hocuspocus/extension-database. Env: PORT, DATA_DIR.
 */
import path from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import { HOCUSPOCUS_DB_FILE, openHocuspocusDb, putHocuspocusState } from './hocuspocusStore.ts';

const port = Number(process.env.PORT);
const db = openHocuspocusDb(path.join(process.env.DATA_DIR ?? '.', HOCUSPOCUS_DB_FILE));
const select = db.prepare('SELECT data FROM documents WHERE name = ?');

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const row = select.get(documentName) as { data: Buffer } | undefined;
        return row ? new Uint8Array(row.data) : null;
      },
      store: async ({ documentName, state }) => {
        putHocuspocusState(db, documentName, state);
      },
    }),
  ],
});

await server.listen();
console.log(`hocuspocus peer listening on ${port}`);
