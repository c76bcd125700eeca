import type { Action } from '@samverka/model';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/**
 * Who may call an operation: anyone, any signed-in person, the holder of an
 * invitation token, or a member the policy allows `action` on the partnership.
 */
export type OperationAccess = 'public' | 'signedIn' | 'invitationHolder' | Action;

/** One API operation: what the Hono route does, described for OpenAPI and the permission tests. */
export interface OperationSpec {
  method: HttpMethod;
  /** Hono path syntax, e.g. `/api/partnerships/:id`. */
  path: string;
  tag: string;
  summary: string;
  access: OperationAccess;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Status of a successful answer. */
  status: number;
}

/** Registers routes on the app and remembers their descriptions. */
export class ApiRouter {
  readonly operations: OperationSpec[] = [];

  constructor(private readonly app: Hono) {}

  /** Adds one operation; the handler does auth → validate → authorise → command → present. */
  add(spec: OperationSpec, handler: (c: Context) => Promise<Response> | Response): void {
    this.operations.push(spec);
    this.app.on(spec.method.toUpperCase(), spec.path, handler);
  }
}
