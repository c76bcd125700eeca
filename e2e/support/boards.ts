import type { Page } from '@playwright/test';
import type { Role } from '../../packages/model/src/index.ts';
import { addMemberViaApi, createDocumentViaApi, createPartnershipViaApi, emailOf } from './accounts.ts';

/*
 * The one place specs get a canvas board from: a partnership created through
 * the API by a signed-up person (see fixtures' `newPerson`), whose first canvas
 * the server seeds with the Strategic Partnership Canvas template.
 */

function partnershipIdOf(boardPath: string): string {
  const id = boardPath.split('/')[2];
  if (!id) throw new Error(`not a board path: ${boardPath}`);
  return id;
}

/** A new partnership owned by `owner`; returns the path of its template-seeded canvas. */
export async function newTemplateBoard(owner: Page, origin: string, language: 'en' | 'sv' = 'en'): Promise<string> {
  return (await createPartnershipViaApi(owner, origin, { language })).canvasPath;
}

/** A blank canvas in a new partnership owned by `owner`; returns its path. */
export async function newBlankBoard(owner: Page, origin: string): Promise<string> {
  const { id } = await createPartnershipViaApi(owner, origin);
  return createDocumentViaApi(owner, origin, id, 'canvas', 'Sketches');
}

/** Opens a blank board in `page` and returns its path, for others to open too. */
export async function openNewBoard(page: Page, origin: string): Promise<string> {
  const path = await newBlankBoard(page, origin);
  await page.goto(path);
  return path;
}

/** Makes `guest` a member of the board's partnership with `role` (default editor). */
export async function shareBoard(owner: Page, origin: string, boardPath: string, guest: Page, role: Role = 'editor') {
  await addMemberViaApi(owner, guest, origin, partnershipIdOf(boardPath), emailOf(guest), role);
}
