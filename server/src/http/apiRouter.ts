import type { Action } from '@samverka/model';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AccessResolver, Identity } from '../access/accessResolver.ts';
import type { Grant, ShareLinkGrant, TargetKind, TargetOf } from '../access/accessTargets.ts';
import { type ApiError, apiErrors } from './apiErrors.ts';
import { parseJsonBody, parseValue } from './validation.ts';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/**
 * Who may call without a membership: anyone, any signed-in person, the holder
 * of an invitation token (signed in or not, or only signed in), or the holder of
 * a snapshot share link (the path's `:token`, and `:assetId` when the path names an
 * upload, resolved by the access resolver and the policy; the link's snapshot, and
 * that upload, are the grant).
 */
export type OpenAccess = 'public' | 'signedIn' | 'invitationHolder' | 'signedInInvitationHolder' | 'shareLinkHolder';

/** Routes any caller may reach without a session (the policy may still refuse them). */
const WITHOUT_SESSION: ReadonlySet<RouteAccess<never>> = new Set(['public', 'invitationHolder', 'shareLinkHolder']);

/** A member the policy allows `action` on the target the path names. */
export interface MemberAccess<P, K extends TargetKind> {
  action: Action;
  target: (params: P) => TargetOf<K>;
  /** When the path names the caller (`param`), `action` is asked instead: leaving is one's own decision. */
  own?: { param: keyof P & string; action: Action };
}

/** A route spec's `access`. */
export type RouteAccess<P> = OpenAccess | MemberAccess<P, TargetKind>;

/** An operation as described in OpenAPI, the docs page and the permission tests. */
export interface OperationSpec {
  method: HttpMethod;
  /** Hono path syntax, e.g. `/api/partnerships/:id`. */
  path: string;
  tag: string;
  summary: string;
  /** `public`, `signedIn`, … or the policy action a member needs. */
  access: OpenAccess | Action;
  body?: z.ZodType | undefined;
  /** Query parameters, described only: the handler parses them (e.g. an export's `format`). */
  query?: z.ZodType | undefined;
  response?: z.ZodType | undefined;
  /** Status of a successful answer. */
  status: number;
}

type NoParams = z.ZodObject<Record<never, never>>;

/** One route: its description plus the schemas and access the router enforces before the handler runs. */
export interface RouteSpec<P extends z.ZodType, B extends z.ZodType | undefined, A extends RouteAccess<z.infer<P>>>
  extends Omit<OperationSpec, 'access' | 'body'> {
  access: A;
  /** Path parameters; a value that does not parse answers 400, or `invalidParams()`. */
  params?: P;
  /** The JSON body, parsed after authorisation so outsiders learn nothing from validation errors. */
  body?: B;
  /** Answer for unparseable path parameters when a 400 would say too much (e.g. tokens). */
  invalidParams?: () => ApiError;
}

type SignedIn<A> = A extends 'public' | 'invitationHolder' | 'shareLinkHolder' ? Identity | undefined : Identity;

/** What a handler is handed: parsed input, the caller, and (for member routes) the grant. */
export interface RouteContext<P, B, A> {
  c: Context;
  params: P;
  body: B;
  identity: SignedIn<A>;
  grant: A extends 'shareLinkHolder' ? ShareLinkGrant : A extends MemberAccess<never, infer K> ? Grant<K> : undefined;
}

/** `public`, `signedIn`, … or the policy action of a member route, as the docs and tests name it. */
export function accessName(access: RouteAccess<never>): OperationSpec['access'] {
  return typeof access === 'string' ? access : access.action;
}

/**
 * Registers routes whose spec does the work, in Outline's order: the caller
 * (401), the path parameters, the policy (404/403/409), the body; the handler
 * only does the command and the presentation.
 */
export class ApiRouter {
  readonly operations: OperationSpec[] = [];

  constructor(
    private readonly app: Hono,
    private readonly access: AccessResolver,
  ) {}

  /** Adds one route and its description. */
  add<A extends RouteAccess<z.infer<P>>, P extends z.ZodType = NoParams, B extends z.ZodType | undefined = undefined>(
    spec: RouteSpec<P, B, A>,
    handler: (
      ctx: RouteContext<z.infer<P>, B extends z.ZodType ? z.infer<B> : undefined, A>,
    ) => Promise<Response> | Response,
  ): void {
    const { access: routeAccess, params: paramsSchema, invalidParams, ...description } = spec;
    this.operations.push({ ...description, access: accessName(routeAccess as RouteAccess<never>) });
    this.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const identity = c.get('identity');
      if (!identity && !WITHOUT_SESSION.has(routeAccess as RouteAccess<never>)) {
        throw apiErrors.unauthenticated();
      }
      const params = this.parseParams(c, (paramsSchema ?? z.object({})) as P, invalidParams);
      let grant: Grant | ShareLinkGrant | undefined;
      if (routeAccess === 'shareLinkHolder') {
        // The token in the path is the credential, whoever else the caller is signed in as.
        const { token, assetId } = params as { token?: unknown; assetId?: unknown };
        const decision = await this.access.authorizeShareLink(
          { kind: 'shareLink', token: String(token ?? '') },
          'read',
          assetId === undefined ? undefined : String(assetId),
        );
        if (!decision.granted) throw decision.refusal.error();
        grant = decision.grant;
      }
      if (typeof routeAccess !== 'string' && identity) {
        const member = routeAccess as MemberAccess<z.infer<P>, TargetKind>;
        const own = member.own && params[member.own.param] === identity.actor.userId;
        const action = own && member.own ? member.own.action : member.action;
        const decision = await this.access.authorize(identity.actor, member.target(params), action);
        if (!decision.granted) throw decision.refusal.error();
        grant = decision.grant;
      }
      const body = spec.body ? await parseJsonBody(c, spec.body) : undefined;
      return handler({ c, params, body, identity, grant } as Parameters<typeof handler>[0]);
    });
  }

  private parseParams<P extends z.ZodType>(c: Context, schema: P, invalid?: () => ApiError): z.infer<P> {
    if (!invalid) return parseValue(schema, c.req.param());
    const parsed = schema.safeParse(c.req.param());
    if (!parsed.success) throw invalid();
    return parsed.data;
  }
}
