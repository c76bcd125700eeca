import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readUpdateHeader } from './benchClient.ts';
import { TypingWriter } from './typingWriter.ts';

describe('readUpdateHeader', () => {
  it('reads the writer and clock of each typed update, as Yjs itself decodes them', () => {
    const writer = new TypingWriter();
    for (let i = 0; i < 30; i++) {
      const { update, clock } = writer.next();
      const decoded = Y.decodeUpdate(update).structs[0];
      expect(readUpdateHeader(update)).toEqual({ client: decoded?.id.client, clock: decoded?.id.clock });
      expect(clock).toBe(decoded?.id.clock);
    }
  });

  it('returns undefined for an update without structs', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(Y.decodeUpdate(empty).structs).toHaveLength(0);
    expect(readUpdateHeader(empty)).toBeUndefined();
  });
});
