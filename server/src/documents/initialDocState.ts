import {
  type DocumentKind,
  type PartnershipLanguage,
  seedPartnershipCanvas,
  seedRegister,
  seedTextTemplate,
  TEMPLATE_TLDRAW_SCHEMA,
  type TextTemplate,
  writeDocMeta,
  writeTldrawSchema,
} from '@samverka/model';
import * as Y from 'yjs';

/**
 * The first Yjs update of a new document: its meta map stamped with kind and
 * schema version, and template content seeded once, on the server.
 */
export function initialDocState(
  kind: DocumentKind,
  options: { language: PartnershipLanguage; canvasTemplate?: boolean; textTemplate?: TextTemplate | undefined },
): Uint8Array {
  const doc = new Y.Doc();
  writeDocMeta(doc, kind);
  // Every new board carries the board-shape marker, so a version-1 client never writes to it.
  if (kind === 'canvas') writeTldrawSchema(doc, TEMPLATE_TLDRAW_SCHEMA);
  if (kind === 'canvas' && options.canvasTemplate) seedPartnershipCanvas(doc, options.language);
  if (kind === 'register') seedRegister(doc, options.language);
  if (kind === 'text' && options.textTemplate) seedTextTemplate(doc, options.textTemplate, options.language);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
