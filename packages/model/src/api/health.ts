import { z } from 'zod';

export const healthResponseSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** GET /readyz: 200 with every check `ok`, or 503 naming the dependency that is `failing`. */
export const readinessResponseSchema = z.object({
  ready: z.boolean(),
  checks: z.record(z.string(), z.enum(['ok', 'failing'])),
});
export type ReadinessResponse = z.infer<typeof readinessResponseSchema>;
