import {
  boardRecords,
  isWholeRecord,
  readRecord,
  registerEntries,
  type ThreadAnchor,
  textContent,
} from '@samverka/model';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { apiErrors } from '../http/apiErrors.ts';
import { registerDocumentId } from '../register/registerCsv.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { RoomRegistry } from '../sync/roomRegistry.ts';

/**
 * Refuses an anchor naming something the partnership does not have: a goal or
 * risk missing from its register, a document of another kind or partnership,
 * a shape missing from the canvas, or text positions that do not decode into
 * the document. Reads the live room, so an entry made a moment ago counts.
 */
export async function checkAnchor(
  db: Kysely<DatabaseSchema>,
  rooms: RoomRegistry,
  partnershipId: string,
  anchor: ThreadAnchor,
): Promise<void> {
  switch (anchor.type) {
    case 'partnership':
      return;
    case 'goal':
    case 'risk': {
      const documentId = await registerDocumentId(db, partnershipId);
      const entryId = anchor.type === 'goal' ? anchor.goalId : anchor.riskId;
      const found =
        documentId !== undefined &&
        (await withDoc(rooms, documentId, (doc) =>
          registerEntries(doc, anchor.type === 'goal' ? 'goals' : 'risks').has(entryId),
        ));
      if (!found) throw apiErrors.anchorNotFound();
      return;
    }
    case 'shape': {
      await requireDocument(db, partnershipId, anchor.documentId, 'canvas');
      const found = await withDoc(rooms, anchor.documentId, (doc) => {
        const map = boardRecords(doc).get(anchor.shapeId);
        return isWholeRecord(map) && readRecord(map).typeName === 'shape';
      });
      if (!found) throw apiErrors.anchorNotFound();
      return;
    }
    case 'text': {
      await requireDocument(db, partnershipId, anchor.documentId, 'text');
      const start = decodePosition(anchor.start);
      const end = decodePosition(anchor.end);
      const resolves = await withDoc(rooms, anchor.documentId, (doc) => {
        const fragment = textContent(doc);
        const a = Y.createAbsolutePositionFromRelativePosition(start, doc);
        const b = Y.createAbsolutePositionFromRelativePosition(end, doc);
        return !!a && !!b && insideFragment(a.type, fragment) && insideFragment(b.type, fragment);
      });
      if (!resolves) throw apiErrors.anchorNotFound();
      return;
    }
  }
}

async function requireDocument(
  db: Kysely<DatabaseSchema>,
  partnershipId: string,
  documentId: string,
  kind: 'canvas' | 'text',
): Promise<void> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('id', '=', documentId)
    .where('partnership_id', '=', partnershipId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!row) throw apiErrors.anchorNotFound();
}

function decodePosition(encoded: string): Y.RelativePosition {
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new Error('not base64');
    return Y.decodeRelativePosition(Buffer.from(encoded, 'base64'));
  } catch {
    throw apiErrors.anchorNotFound();
  }
}

/** Whether a position's type is the content fragment or lies inside it (a paragraph, a table cell). */
function insideFragment(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> | null = type;
  while (current) {
    if (current === (fragment as unknown)) return true;
    current = current.parent as Y.AbstractType<unknown> | null;
  }
  return false;
}

/** Runs `read` on the document's live room, letting it unload afterwards if nobody is in it. */
async function withDoc<T>(rooms: RoomRegistry, documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const room = await rooms.open(documentId);
  try {
    return read(room.doc);
  } finally {
    rooms.releaseIfIdle(room);
  }
}
