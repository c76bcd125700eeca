import { textContent } from '@samverka/model';
import * as Y from 'yjs';
import { connectClient, eventually, synced } from '../../test/support/syncClient.ts';
import { replayTrace } from './editingTrace.ts';

/**
 * Replays an editing trace into one paragraph of a text document's Tiptap
 * fragment and stores it through a real sync client signed in with `cookie`;
 * resolves once a second client reads it back from the server.
 */
export async function seedTraceDocument(
  origin: string,
  cookie: string,
  documentId: string,
  traceFile: string,
): Promise<{ chars: number; bytes: number }> {
  const replayed = replayTrace(traceFile, 'all', (doc) => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    textContent(doc).insert(0, [paragraph]);
    return text;
  });
  const headers = { cookie, origin };
  const seeder = connectClient(origin, documentId, undefined, { headers });
  try {
    await synced(seeder);
    Y.applyUpdate(seeder.doc, replayed.state);
    const reader = connectClient(origin, documentId, undefined, { headers });
    try {
      await synced(reader);
      await eventually(
        () => textContent(reader.doc).toString().length > replayed.text.length,
        'the trace on the server',
        120_000,
      );
      return { chars: replayed.text.length, bytes: Y.encodeStateAsUpdate(reader.doc).byteLength };
    } finally {
      reader.destroy();
    }
  } finally {
    seeder.destroy();
  }
}
