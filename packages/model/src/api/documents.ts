import { z } from 'zod';
import { DOCUMENT_KINDS } from '../documentShapes.ts';
import { idSchema, isoDateTimeSchema, nameSchema } from './common.ts';
import { DOCUMENT_TITLE_MAX_LENGTH } from './limits.ts';

/** Templates a new text document can be seeded with, on the server, once. */
export const TEXT_TEMPLATES = ['partnership-agreement', 'annual-plan', 'steering-notes', 'evaluation-report'] as const;
export type TextTemplate = (typeof TEXT_TEMPLATES)[number];

/** Templates a new canvas board can start from: the Strategic Partnership Canvas. */
export const CANVAS_TEMPLATES = ['partnership-canvas'] as const;
export type CanvasTemplate = (typeof CANVAS_TEMPLATES)[number];

/** Whether a template belongs to documents of `kind`. */
export function templateFits(kind: 'canvas' | 'text', template: TextTemplate | CanvasTemplate): boolean {
  return kind === 'canvas'
    ? (CANVAS_TEMPLATES as readonly string[]).includes(template)
    : (TEXT_TEMPLATES as readonly string[]).includes(template);
}

/** Kinds a person may create; the register is created with the partnership, once. */
export const CREATABLE_DOCUMENT_KINDS = ['canvas', 'text'] as const;

export const createDocumentRequestSchema = z.strictObject({
  kind: z.enum(CREATABLE_DOCUMENT_KINDS),
  title: nameSchema(DOCUMENT_TITLE_MAX_LENGTH, 'enter a title'),
  template: z.enum([...TEXT_TEMPLATES, ...CANVAS_TEMPLATES]).optional(),
});
export type CreateDocumentRequest = z.infer<typeof createDocumentRequestSchema>;

export const documentSummarySchema = z.object({
  id: idSchema,
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  createdAt: isoDateTimeSchema,
  /** When it was archived; archived documents are listed but kept apart. */
  archivedAt: isoDateTimeSchema.nullable().optional(),
  /** The last content change or rename, and the member who made it (null if unknown or gone). */
  editedAt: isoDateTimeSchema.nullable().optional(),
  editedBy: z.object({ userId: idSchema, name: z.string() }).nullable().optional(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentsResponseSchema = z.object({ documents: z.array(documentSummarySchema) });
export type DocumentsResponse = z.infer<typeof documentsResponseSchema>;

export const documentResponseSchema = z.object({ document: documentSummarySchema });
export type DocumentResponse = z.infer<typeof documentResponseSchema>;

/** PATCH /api/documents/:documentId: rename, archive (true) or restore (false). */
export const updateDocumentRequestSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'enter a title').max(200).optional(),
    archived: z.boolean().optional(),
  })
  .refine((body) => body.title !== undefined || body.archived !== undefined, 'change the title or the archive state');
export type UpdateDocumentRequest = z.infer<typeof updateDocumentRequestSchema>;

/** Formats a text document exports to, rendered on the server from its stored state. */
export const EXPORT_FORMATS = ['md', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuerySchema = z.strictObject({ format: z.enum(EXPORT_FORMATS) });
