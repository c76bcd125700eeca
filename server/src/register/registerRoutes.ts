import { type CsvSeparator, ErrorId, REGISTER_CSV_KINDS } from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { partnershipParams, partnershipTarget } from '../http/pathParams.ts';
import { exportRegisterCsv, importRegisterCsv, registerDocumentId } from './registerCsv.ts';

/** CSV export and import of a partnership's goals and risks. */
export function mountRegisterRoutes(router: ApiRouter, services: AppServices): void {
  const { db, rooms } = services;
  const tag = 'Register';

  for (const kind of REGISTER_CSV_KINDS) {
    router.add(
      {
        method: 'get',
        path: `/api/partnerships/:id/register/${kind}.csv`,
        tag,
        summary: `The register's ${kind} as CSV (UTF-8 with BOM; ?separator=semicolon for Swedish Excel)`,
        params: partnershipParams,
        access: { action: 'read', target: partnershipTarget },
        status: 200,
      },
      async ({ c, grant }) => {
        const documentId = await registerDocumentId(db, grant.partnership.id);
        if (!documentId) throw apiErrors.notFound();
        const separator: CsvSeparator = c.req.query('separator') === 'semicolon' ? 'semicolon' : 'comma';
        const csv = await exportRegisterCsv(rooms, documentId, kind, separator);
        return c.body(csv, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${kind}.csv"`,
        });
      },
    );

    router.add(
      {
        method: 'post',
        path: `/api/partnerships/:id/register/${kind}.csv`,
        tag,
        summary: `Import ${kind} from CSV: every row is checked first, then all are imported or none`,
        params: partnershipParams,
        access: { action: 'edit', target: partnershipTarget },
        status: 200,
      },
      async ({ c, grant }) => {
        const documentId = await registerDocumentId(db, grant.partnership.id);
        if (!documentId) throw apiErrors.notFound();
        const outcome = await importRegisterCsv(rooms, documentId, kind, await c.req.text());
        if (!outcome.ok) {
          const message = `${outcome.rows.length} problem(s) in the file; nothing was imported`;
          return c.json({ error: { id: ErrorId.INVALID_ROWS, message }, rows: outcome.rows }, 400);
        }
        return c.json({ imported: outcome.imported }, 200);
      },
    );
  }
}
