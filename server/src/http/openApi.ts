import { errorResponseSchema } from '@samverka/model';
import { z } from 'zod';
import type { OperationSpec } from './apiRouter.ts';

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid input (`validation_failed`, `unknown_field`, …)',
  '401': 'Not signed in (`unauthenticated`)',
  '403': 'Not allowed (`forbidden`, `csrf_rejected`)',
  '404': 'Unknown, or not visible to the caller (`not_found`)',
  '409': 'Conflicts with the current state',
  '429': 'Too many attempts (`rate_limited`, see Retry-After)',
};

/** `/api/partnerships/:id` → `/api/partnerships/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

/** The OpenAPI 3.1 description of every registered operation, generated from the zod schemas. */
export function buildOpenApiDocument(operations: readonly OperationSpec[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const pathKey = openApiPath(op.path);
    const parameters = [...op.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Record<string, unknown> = {
      [String(op.status)]: op.response
        ? { description: 'Success', content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } }
        : { description: 'Success, no body' },
    };
    for (const [status, description] of Object.entries(ERROR_STATUSES)) {
      responses[status] = {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[pathKey] ??= {};
    paths[pathKey][op.method] = {
      tags: [op.tag],
      summary: op.summary,
      description: `Access: ${op.access}.`,
      'x-samverka-access': op.access,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Samverka API',
      version,
      description:
        'Unsafe methods need an allowed Origin (or Sec-Fetch-Site: same-origin). Sessions are the `samverka_session` cookie.',
    },
    components: {
      schemas: { Error: jsonSchema(errorResponseSchema, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'samverka_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
