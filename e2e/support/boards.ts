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

/**
 * Drops a real PNG (`width` × `height`, drawn by the browser) on the open board, like a file
 * dragged from the desktop; resolves once its upload has been answered, with the status.
 */
export async function dropImage(page: Page, width = 64, height = 48): Promise<number> {
  const upload = page.waitForResponse((r) => r.url().includes('/assets') && r.request().method() === 'POST');
  await page.evaluate(
    async ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d');
      if (ctx) {
        ctx.fillStyle = '#0b4f6c';
        ctx.fillRect(0, 0, w, h);
      }
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('no PNG');
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'logo.png', { type: 'image/png' }));
      const target = document.querySelector('.tl-canvas');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target?.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: 500, clientY: 400 }),
        );
      }
    },
    [width, height] as const,
  );
  return (await upload).status();
}
