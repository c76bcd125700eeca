import { type ExportFormat, textContent } from '@samverka/model';
import type { Kysely } from 'kysely';
import { listMembers } from '../../members/memberQueries.ts';
import { replayUpdates } from '../../storage/replayUpdates.ts';
import type { DatabaseSchema, DocumentsTable, PartnershipsTable } from '../../storage/schema.ts';
import type { UpdateLogStore } from '../../storage/updateLogStore.ts';
import { renderHtmlPage } from './htmlExport.ts';
import { type ExportContext, renderMarkdown } from './markdownExport.ts';
import { type MentionedMember, readProseTree } from './proseTree.ts';

/** A rendered export: its body and HTTP content type. */
export interface RenderedExport {
  body: string;
  contentType: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * Renders a text document from its stored (committed) Yjs state, with mentions
 * shown under the members' current names: no browser and no loaded room needed.
 */
export async function exportTextDocument(
  db: Kysely<DatabaseSchema>,
  updateLog: UpdateLogStore,
  target: { document: DocumentsTable; partnership: PartnershipsTable },
  format: ExportFormat,
): Promise<RenderedExport> {
  const { document, partnership } = target;
  const doc = replayUpdates(await updateLog.loadUpdates(document.id));
  try {
    const tree = readProseTree(textContent(doc));
    const members = new Map<string, MentionedMember>(
      (await listMembers(db, partnership.id)).map((m) => [m.user_id, { name: m.name, side: m.side }]),
    );
    const context: ExportContext = {
      members: (userId) => members.get(userId),
      sideNames: { university: partnership.university_name, partner: partnership.partner_name },
    };
    const body =
      format === 'md'
        ? renderMarkdown(tree, context)
        : renderHtmlPage(tree, context, {
            title: document.title,
            partnershipName: partnership.name,
            language: partnership.language,
          });
    return { body, contentType: CONTENT_TYPES[format] };
  } finally {
    doc.destroy();
  }
}
