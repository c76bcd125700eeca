import { createEntry } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { heatCounts, readSnapshotRegister, topRisks } from './snapshotRegister.ts';

/** A stored register as the server hands it out: encoded, then applied to a fresh doc. */
function storedRegister(fill: (doc: Y.Doc) => void): Y.Doc {
  const live = new Y.Doc();
  fill(live);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  return copy;
}

const risk = (title: string, likelihood: number, impact: number, status: 'open' | 'closed' = 'open') =>
  ({ title, category: 'financial', likelihood, impact, status }) as const;

describe('a snapshot register', () => {
  it('reads goals by title and counts risks per heat-map cell', () => {
    const doc = storedRegister((live) => {
      createEntry(live, 'goals', { title: 'Zeta goal', status: 'on-track' });
      createEntry(live, 'goals', { title: 'Alpha goal', status: 'done' });
      createEntry(live, 'risks', risk('One', 3, 5));
      createEntry(live, 'risks', risk('Two', 3, 5));
      createEntry(live, 'risks', risk('Three', 1, 2));
    });
    const view = readSnapshotRegister(doc);
    expect(view.goals.map((goal) => goal.title)).toEqual(['Alpha goal', 'Zeta goal']);
    expect(Object.fromEntries(heatCounts(view.risks))).toEqual({ '3-5': 2, '1-2': 1 });
  });

  it('puts the highest open risks first and leaves closed ones out', () => {
    const doc = storedRegister((live) => {
      createEntry(live, 'risks', risk('Low', 1, 1));
      createEntry(live, 'risks', risk('Closed but high', 5, 5, 'closed'));
      createEntry(live, 'risks', risk('High', 4, 5));
      createEntry(live, 'risks', risk('Middle', 3, 3));
    });
    expect(topRisks(readSnapshotRegister(doc), 2).map((r) => r.title)).toEqual(['High', 'Middle']);
  });
});
