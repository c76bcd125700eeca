import type { CreatePartnershipRequest } from '@samverka/model';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/auditRecorder.ts';
import { insertDocumentRows, prepareDocument, storeInitialStates } from '../documents/documentCreator.ts';
import { randomId } from '../ids.ts';
import type { DatabaseSchema, PartnershipsTable } from '../storage/schema.ts';
import type { UpdateLogStore } from '../storage/updateLogStore.ts';

/** Titles of the two documents every partnership starts with. */
const STARTING_TITLES = {
  en: { canvas: 'Partnership canvas', register: 'Goals and risks' },
  sv: { canvas: 'Partnerskapskanvas', register: 'Mål och risker' },
} as const;

/**
 * Creates a partnership: the row, the creator as owner on their side, its
 * partnership-canvas and register documents (seeded), and an audit row.
 */
export async function createPartnership(
  db: Kysely<DatabaseSchema>,
  updateLog: UpdateLogStore,
  creatorId: string,
  input: CreatePartnershipRequest,
): Promise<PartnershipsTable> {
  const now = Date.now();
  const language = input.language ?? 'en';
  const row: PartnershipsTable = {
    id: randomId(12),
    name: input.name,
    university_name: input.universityName,
    partner_name: input.partnerName,
    language,
    start_date: input.startDate ?? null,
    term_years: input.termYears ?? null,
    phase: input.phase ?? 'exploring',
    created_by: creatorId,
    created_at: now,
    archived_at: null,
  };
  const titles = STARTING_TITLES[language];
  const documents = [
    prepareDocument({
      partnershipId: row.id,
      kind: 'canvas',
      title: titles.canvas,
      createdBy: creatorId,
      language,
      canvasTemplate: true,
    }),
    prepareDocument({
      partnershipId: row.id,
      kind: 'register',
      title: titles.register,
      createdBy: creatorId,
      language,
    }),
  ];
  await storeInitialStates(updateLog, documents);
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('partnerships').values(row).execute();
    await tx
      .insertInto('memberships')
      .values({ partnership_id: row.id, user_id: creatorId, role: 'owner', side: input.side, created_at: now })
      .execute();
    await insertDocumentRows(tx, documents);
    await recordAudit(tx, {
      partnershipId: row.id,
      type: 'partnership_created',
      actorUserId: creatorId,
      actorSide: input.side,
      details: { name: row.name },
    });
  });
  return row;
}
