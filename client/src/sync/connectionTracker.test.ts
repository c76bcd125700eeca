import { CloseCode } from '@samverka/model';
import { afterEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ConnectionTracker } from './connectionTracker.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  localStorage.clear();
});

/** A real provider that never dials out (connect: false); its status is driven as y-websocket drives it. */
function tracked(documentId: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://127.0.0.1:9', documentId, doc, { connect: false, disableBc: true });
  const tracker = new ConnectionTracker(doc, provider, documentId, []);
  cleanups.push(() => {
    tracker.destroy();
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider, tracker };
}

function edit(doc: Y.Doc, origin: unknown = null) {
  doc.transact(() => doc.getMap('records').set(`k${Math.random()}`, 1), origin);
}

describe('ConnectionTracker', () => {
  it('reports edits made while disconnected as unsent, across a reload, until the provider syncs', () => {
    const first = tracked('doc-a');
    expect(first.tracker.state).toBe('connecting');
    edit(first.doc);
    expect(first.tracker.state).toBe('unsent');

    // A reload: a new tracker for the same document remembers.
    const reloaded = tracked('doc-a');
    expect(reloaded.tracker.state).toBe('unsent');

    let notified = 0;
    reloaded.tracker.subscribe(() => {
      notified += 1;
    });
    reloaded.provider.synced = true; // y-websocket sets this when the server's sync step 2 arrives
    expect(notified).toBeGreaterThan(0);
    expect(tracked('doc-a').tracker.state).toBe('connecting');
  });

  it('does not count updates that came from the server as unsent', () => {
    const { doc, provider, tracker } = tracked('doc-b');
    edit(doc, provider);
    expect(tracker.state).toBe('connecting');
  });

  it('does not count edits made while synced', () => {
    const { doc, provider, tracker } = tracked('doc-c');
    provider.synced = true;
    edit(doc);
    expect(tracker.state).not.toBe('unsent');
  });

  it('shows that the document is too large once the server refuses an edit for it', () => {
    const { provider, tracker } = tracked('doc-large');
    provider.emit('connection-close', [{ code: CloseCode.ROOM_FULL } as CloseEvent, provider]);
    expect(tracker.state).toBe('connecting');
    provider.emit('connection-close', [{ code: CloseCode.DOCUMENT_TOO_LARGE } as CloseEvent, provider]);
    expect(tracker.state).toBe('too-large');
  });
});
