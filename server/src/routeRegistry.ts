import type { Hono } from 'hono';
import type { AccessResolver } from './access/accessResolver.ts';
import { mountAccountRoutes } from './account/accountRoutes.ts';
import type { AppServices } from './appServices.ts';
import { mountAssetRoutes } from './assets/assetRoutes.ts';
import { mountAuditRoutes } from './audit/auditRoutes.ts';
import { mountAuthRoutes } from './auth/authRoutes.ts';
import { mountEmailVerificationRoutes } from './auth/emailVerificationRoutes.ts';
import { mountPasswordResetRoutes } from './auth/passwordResetRoutes.ts';
import { mountSessionRoutes } from './auth/sessionRoutes.ts';
import { mountCommentRoutes } from './comments/commentRoutes.ts';
import { mountInboxRoutes } from './comments/inboxRoutes.ts';
import { mountDocumentManagementRoutes } from './documents/documentManagementRoutes.ts';
import { mountDocumentRoutes } from './documents/documentRoutes.ts';
import { mountExportRoutes } from './documents/exportRoutes.ts';
import { renderApiDocsPage } from './http/apiDocsPage.ts';
import { ApiRouter } from './http/apiRouter.ts';
import { buildOpenApiDocument } from './http/openApi.ts';
import { mountInvitationRoutes } from './members/invitationRoutes.ts';
import { mountMemberRoutes } from './members/memberRoutes.ts';
import { mountUnsubscribeRoutes } from './notifications/unsubscribeRoutes.ts';
import { mountOidcRoutes } from './oidc/oidcRoutes.ts';
import { mountPartnershipRoutes } from './partnerships/partnershipRoutes.ts';
import { mountRegisterRoutes } from './register/registerRoutes.ts';
import { mountSnapshotLinkRoutes } from './snapshots/snapshotLinkRoutes.ts';
import { mountSnapshotRoutes } from './snapshots/snapshotRoutes.ts';
import { APP_VERSION } from './version.ts';

/** Every API route module, in mounting order. A new concern adds one line here. */
const ROUTE_MODULES = [
  mountAuthRoutes,
  mountPasswordResetRoutes,
  mountOidcRoutes,
  mountEmailVerificationRoutes,
  mountSessionRoutes,
  mountAccountRoutes,
  mountPartnershipRoutes,
  mountDocumentRoutes,
  mountExportRoutes,
  mountDocumentManagementRoutes,
  mountMemberRoutes,
  mountInvitationRoutes,
  mountAuditRoutes,
  mountAssetRoutes,
  mountRegisterRoutes,
  mountCommentRoutes,
  mountInboxRoutes,
  mountSnapshotRoutes,
  mountSnapshotLinkRoutes,
  mountUnsubscribeRoutes,
] as const;

/** Mounts every API route and the generated description (`/api/openapi.json`, `/api/docs`). */
export function mountApiRoutes(app: Hono, services: AppServices, access: AccessResolver): ApiRouter {
  const router = new ApiRouter(app, access);
  for (const mount of ROUTE_MODULES) mount(router, services);
  let openApi: unknown;
  let docsPage: string | undefined;
  const described = router.operations.slice();
  router.add(
    {
      method: 'get',
      path: '/api/openapi.json',
      tag: 'Meta',
      summary: 'This API, as OpenAPI 3.1',
      access: 'public',
      status: 200,
    },
    ({ c }) => {
      openApi ??= buildOpenApiDocument(described, APP_VERSION);
      return c.json(openApi as object, 200);
    },
  );
  router.add(
    {
      method: 'get',
      path: '/api/docs',
      tag: 'Meta',
      summary: 'This API, as a readable page',
      access: 'public',
      status: 200,
    },
    ({ c }) => {
      docsPage ??= renderApiDocsPage(described, APP_VERSION);
      return c.html(docsPage, 200);
    },
  );
  return router;
}
