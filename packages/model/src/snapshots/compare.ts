import * as Y from 'yjs';
import type { DocumentChange, SnapshotComparison, SnapshotDocumentKind } from '../api/snapshots.ts';
import { textContent } from '../documentShapes.ts';
import { compareCanvases } from './compareCanvas.ts';
import { compareGoals, compareRisks } from './compareRegister.ts';
import { compareSections, textSections } from './compareText.ts';

/** One document of one side of a comparison: a snapshot's stored state or a live document's state. */
export interface ComparedDocument {
  id: string;
  kind: SnapshotDocumentKind;
  title: string;
  /** A Yjs update holding the whole document (`Y.encodeStateAsUpdate`). */
  state: Uint8Array;
}

/** What changed between two sets of documents; the caller adds who the sides are. */
export type ComparisonBody = Omit<SnapshotComparison, 'before' | 'after'>;

interface LoadedDocument {
  id: string;
  kind: SnapshotDocumentKind;
  title: string;
  doc: Y.Doc;
}

function load(documents: readonly ComparedDocument[]): LoadedDocument[] {
  return documents.map(({ id, kind, title, state }) => {
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, state);
    return { id, kind, title, doc };
  });
}

function compareTexts(before: readonly LoadedDocument[], after: readonly LoadedDocument[]): DocumentChange[] {
  const texts = (side: readonly LoadedDocument[]) =>
    new Map(side.filter((d) => d.kind === 'text').map((d) => [d.id, d]));
  const was = texts(before);
  const is = texts(after);
  const changes: DocumentChange[] = [];
  const sectionsOf = (document: LoadedDocument | undefined) =>
    document ? textSections(textContent(document.doc)) : [];
  for (const [id, document] of is) {
    const old = was.get(id);
    const changedSections = compareSections(sectionsOf(old), sectionsOf(document));
    if (!old) changes.push({ id, title: document.title, change: 'added', changedSections });
    else if (changedSections.length > 0)
      changes.push({ id, title: document.title, change: 'changed', changedSections });
  }
  for (const [id, document] of was) {
    if (is.has(id)) continue;
    changes.push({
      id,
      title: document.title,
      change: 'removed',
      changedSections: compareSections(sectionsOf(document), []),
    });
  }
  return changes.sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1));
}

/**
 * What changed from `before` to `after`: goals and risks of the register (the
 * first register document of each side), the sections of text documents, and
 * the shapes of canvases. Pure: the states are read into fresh docs and dropped.
 */
export function compareDocuments(
  before: readonly ComparedDocument[],
  after: readonly ComparedDocument[],
): ComparisonBody {
  const was = load(before);
  const is = load(after);
  try {
    const register = (side: LoadedDocument[]) => side.find((d) => d.kind === 'register')?.doc;
    const canvases = (side: LoadedDocument[]) => side.filter((d) => d.kind === 'canvas');
    return {
      goals: compareGoals(register(was), register(is)),
      risks: compareRisks(register(was), register(is)),
      documents: compareTexts(was, is),
      canvas: compareCanvases(canvases(was), canvases(is)),
    };
  } finally {
    for (const document of [...was, ...is]) document.doc.destroy();
  }
}
