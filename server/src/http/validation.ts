import type { Context } from 'hono';
import type { z } from 'zod';
import { apiErrors } from './apiErrors.ts';

/**
 * Reads and validates a JSON body. Unknown fields answer 400 `unknown_field`;
 * anything else malformed answers 400 `validation_failed` with per-field messages.
 */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = text === '' ? {} : JSON.parse(text);
  } catch {
    throw apiErrors.validationFailed('The body is not valid JSON');
  }
  return parseValue(schema, raw);
}

/** Validates an already-read value (query strings, path parameters) the same way. */
export function parseValue<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const unknownKeys = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key].join('.')) : [],
  );
  if (unknownKeys.length > 0) {
    const fields = Object.fromEntries(unknownKeys.map((key) => [key, 'this field is not accepted']));
    throw apiErrors.unknownField(`Unknown field: ${unknownKeys.join(', ')}`, fields);
  }
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  throw apiErrors.validationFailed('Some fields are not valid', fields);
}
