import type { HealthResponse } from '@samverka/model';
import type { Hono } from 'hono';
import { APP_VERSION } from '../version.ts';

/** `GET /healthz`: the process is up and serving. */
export function mountHealth(app: Hono): void {
  app.get('/healthz', (c) => c.json<HealthResponse>({ ok: true, version: APP_VERSION }));
}
