import {
  type AuditEvent,
  type AuditEventType,
  type AuditResponse,
  auditResponseSchema,
  type Side,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { partnershipParams, partnershipTarget } from '../http/pathParams.ts';

/** The audit trail of a partnership, newest first, for owners. */
export function mountAuditRoutes(router: ApiRouter, services: AppServices): void {
  const { db } = services;
  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id/audit',
      tag: 'Audit',
      summary: 'The audit trail (owners)',
      params: partnershipParams,
      access: { action: 'readAudit', target: partnershipTarget },
      response: auditResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const rows = await db
        .selectFrom('audit_events')
        .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
        .select([
          'audit_events.id',
          'audit_events.type',
          'audit_events.actor_user_id',
          'audit_events.actor_side',
          'audit_events.details',
          'audit_events.created_at',
          'users.name as actor_name',
        ])
        .where('audit_events.partnership_id', '=', grant.partnership.id)
        .orderBy('audit_events.id', 'desc')
        .limit(500)
        .execute();
      const events: AuditEvent[] = rows.map((row) => ({
        id: String(row.id),
        type: row.type as AuditEventType,
        createdAt: new Date(row.created_at).toISOString(),
        actor:
          row.actor_user_id && row.actor_name !== null
            ? { userId: row.actor_user_id, name: row.actor_name, side: row.actor_side as Side | null }
            : null,
        details: JSON.parse(row.details) as AuditEvent['details'],
      }));
      return c.json({ events } satisfies AuditResponse, 200);
    },
  );
}
