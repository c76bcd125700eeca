import type * as Y from 'yjs';

/** The kinds of collaborative document a partnership holds. */
export const DOCUMENT_KINDS = ['canvas', 'text', 'register'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Current schema version of each kind's Y.Doc shape. Bump it together with a
 * migration whenever the shape below changes.
 */
export const DOC_SCHEMA_VERSION: Record<DocumentKind, number> = {
  canvas: 2,
  text: 1,
  /** 2: goals, risks, checklist and settings maps (v1 held only meta); see register/registerDoc.ts. */
  register: 2,
};

/** Names of the shared types inside each kind's Y.Doc. */
export const DocFields = {
  /** Every document: `{ kind, schemaVersion }`. */
  meta: 'meta',
  /** canvas (version 2): one Y.Map per tldraw record, keyed by record id (see canvasBoard.ts). */
  canvasBoard: 'board',
  /** canvas (version 1, converted on first open): each tldraw record one plain JSON value, keyed by id. */
  legacyCanvasRecords: 'records',
  /** text: Tiptap's default XML fragment. */
  textContent: 'default',
  /** register: goals, risks and the SPETS checklist, each a Y.Map of entry Y.Maps keyed by id. */
  goals: 'goals',
  risks: 'risks',
  checklist: 'checklist',
  /** register: per-partnership settings such as rating bands. */
  registerSettings: 'settings',
} as const;

export interface DocMeta {
  kind: DocumentKind;
  schemaVersion: number;
}

/** Reads the kind and schema version a document was written with, if present. */
export function readDocMeta(doc: Y.Doc): DocMeta | undefined {
  const meta = doc.getMap<unknown>(DocFields.meta);
  const kind = meta.get('kind');
  const schemaVersion = meta.get('schemaVersion');
  if (typeof kind !== 'string' || typeof schemaVersion !== 'number') return undefined;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as DocumentKind, schemaVersion };
}

/** Stamps a new document with its kind and the current schema version. */
export function writeDocMeta(doc: Y.Doc, kind: DocumentKind): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(DocFields.meta);
    meta.set('kind', kind);
    meta.set('schemaVersion', DOC_SCHEMA_VERSION[kind]);
  });
}

/** The map a version-1 canvas kept its records in (whole records as plain JSON). */
export function legacyCanvasRecords(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DocFields.legacyCanvasRecords);
}

/** The XML fragment holding a text document's content (Tiptap's default field). */
export function textContent(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DocFields.textContent);
}
