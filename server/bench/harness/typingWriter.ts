import * as Y from 'yjs';

/**
 * Makes small, realistic updates: one typed character appended to a Y.Text per
 * update. Each update's first clock is the writer's sequence number, so a
 * receiver identifies it from the update header alone.
 */
export class TypingWriter {
  readonly doc = new Y.Doc();
  private readonly text = this.doc.getText('text');
  private captured: Uint8Array | undefined;

  constructor() {
    this.doc.on('update', (update: Uint8Array) => {
      this.captured = update;
    });
  }

  get clientId(): number {
    return this.doc.clientID;
  }

  /** Types one character; returns the update and its clock (0, 1, 2, …). */
  next(): { update: Uint8Array; clock: number } {
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    this.text.insert(this.text.length, String.fromCharCode(97 + (clock % 26)));
    const update = this.captured as Uint8Array;
    this.captured = undefined;
    return { update, clock };
  }
}
