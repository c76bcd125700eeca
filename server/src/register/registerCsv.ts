import {
  type CsvRowIssue,
  type CsvSeparator,
  csvToEntries,
  entriesToCsv,
  newEntryId,
  type RegisterCsvKind,
  type RegisterEntryOf,
  readEntries,
  upsertEntry,
} from '@samverka/model';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { Room } from '../sync/room.ts';
import type { RoomRegistry } from '../sync/roomRegistry.ts';

/** The id of a partnership's register document (every partnership has one from its creation). */
export async function registerDocumentId(
  db: Kysely<DatabaseSchema>,
  partnershipId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .where('kind', '=', 'register')
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id;
}

/** Runs `work` on the loaded room of a document, letting the room unload afterwards if nobody is in it. */
async function withRoom<T>(rooms: RoomRegistry, documentId: string, work: (room: Room) => Promise<T> | T): Promise<T> {
  const room = await rooms.open(documentId);
  try {
    return await work(room);
  } finally {
    rooms.releaseIfIdle(room);
  }
}

/**
 * The valid entries of one kind as CSV (entries failing the schema are left
 * out: they cannot be written back). Read from the live room, so it includes
 * every committed edit.
 */
export function exportRegisterCsv(
  rooms: RoomRegistry,
  documentId: string,
  kind: RegisterCsvKind,
  separator: CsvSeparator,
): Promise<string> {
  return withRoom(rooms, documentId, (room) => {
    const entries = readEntries(room.doc, kind).flatMap((reading) => (reading.ok ? [reading.entry] : []));
    entries.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    return entriesToCsv(kind, entries as RegisterEntryOf[typeof kind][], separator);
  });
}

export type ImportOutcome = { ok: true; imported: number } | { ok: false; rows: CsvRowIssue[] };

/**
 * Checks every row first; only when all pass are they written, as one update
 * through the room (so members see the import live and the server's schema
 * check sees it too). Rows with an id update that entry, the rest are added.
 */
export async function importRegisterCsv(
  rooms: RoomRegistry,
  documentId: string,
  kind: RegisterCsvKind,
  csv: string,
): Promise<ImportOutcome> {
  const parsed = csvToEntries(kind, csv);
  if (!parsed.ok) return parsed;
  await withRoom(rooms, documentId, async (room) => {
    const draft = new Y.Doc();
    Y.applyUpdate(draft, Y.encodeStateAsUpdate(room.doc));
    const before = Y.encodeStateVector(draft);
    draft.transact(() => {
      for (const { id, values } of parsed.entries) upsertEntry(draft, kind, id ?? newEntryId(), values);
    });
    const update = Y.encodeStateAsUpdate(draft, before);
    draft.destroy();
    await room.applyServerUpdate(update);
  });
  return { ok: true, imported: parsed.entries.length };
}
