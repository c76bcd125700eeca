import { z } from 'zod';

/**
 * Document ids appear in URLs and WebSocket paths. They are opaque, URL-safe and
 * short so a malformed path can be refused before anything touches storage.
 */
export const documentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a document id is 1–64 characters of A–Z, a–z, 0–9, _ or -');

export type DocumentId = z.infer<typeof documentIdSchema>;

/** Whether a string is a well-formed document id. */
export function isDocumentId(value: string): value is DocumentId {
  return documentIdSchema.safeParse(value).success;
}
