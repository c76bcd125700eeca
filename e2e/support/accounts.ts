import type { Page } from '@playwright/test';
import type {
  DocumentsResponse,
  LifecyclePhase,
  PartnershipChangedResponse,
  Role,
  Side,
} from '../../packages/model/src/index.ts';

/*
 * Partnership set-up through the real HTTP API from a person's browser context
 * (same cookie jar as their pages). Specs that are about the sign-up and invite
 * screens drive those through the UI instead.
 */

export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;

/** A unique, valid email for this run. */
export function uniqueEmail(label = 'person'): string {
  counter += 1;
  return `${label.toLowerCase().replace(/[^a-z]+/g, '.')}-${Date.now()}-${counter}@example.test`;
}

const emails = new WeakMap<Page, string>();

/** The email a person signed up with (see `newPerson`). */
export function emailOf(page: Page): string {
  const email = emails.get(page);
  if (!email) throw new Error('this page belongs to nobody who signed up');
  return email;
}

async function call<T>(page: Page, origin: string, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const response = await page.context().request.fetch(`${origin}${path}`, {
    method,
    headers: { origin },
    ...(data === undefined ? {} : { data }),
  });
  if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()} ${await response.text()}`);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** Signs the page's person up (their context keeps the session cookie). */
export async function signUpViaApi(
  page: Page,
  origin: string,
  name: string,
  email = uniqueEmail(name),
): Promise<string> {
  await call(page, origin, 'POST', '/api/auth/signup', { name, email, password: TEST_PASSWORD });
  emails.set(page, email);
  return email;
}

export interface CreatedPartnership {
  id: string;
  canvasPath: string;
  canvasId: string;
}

/** Creates a partnership (its canvas seeded with the template in `language`) owned by the page's person. */
export async function createPartnershipViaApi(
  page: Page,
  origin: string,
  options: {
    language?: 'en' | 'sv';
    side?: Side;
    name?: string;
    partnerName?: string;
    startDate?: string;
    termYears?: number;
    phase?: LifecyclePhase;
  } = {},
): Promise<CreatedPartnership> {
  const created = await call<PartnershipChangedResponse>(page, origin, 'POST', '/api/partnerships', {
    name: options.name ?? 'Research school partnership',
    universityName: 'Linnaeus University',
    partnerName: options.partnerName ?? 'Partner AB',
    side: options.side ?? 'university',
    language: options.language ?? 'en',
    ...(options.startDate ? { startDate: options.startDate } : {}),
    ...(options.termYears ? { termYears: options.termYears } : {}),
    ...(options.phase ? { phase: options.phase } : {}),
  });
  const id = created.partnership.id;
  const docs = await call<DocumentsResponse>(page, origin, 'GET', `/api/partnerships/${id}/documents`);
  const canvas = docs.documents.find((d) => d.kind === 'canvas');
  if (!canvas) throw new Error('a new partnership has no canvas');
  return { id, canvasId: canvas.id, canvasPath: `/p/${id}/canvas/${canvas.id}` };
}

/** Creates a document in a partnership and returns the path its page opens at. */
export async function createDocumentViaApi(
  page: Page,
  origin: string,
  partnershipId: string,
  kind: 'canvas' | 'text',
  title: string,
): Promise<string> {
  const res = await call<{ document: { id: string } }>(
    page,
    origin,
    'POST',
    `/api/partnerships/${partnershipId}/documents`,
    {
      kind,
      title,
    },
  );
  return `/p/${partnershipId}/${kind === 'canvas' ? 'canvas' : 'docs'}/${res.document.id}`;
}

/** The owner invites `guest` (already signed up as `guestEmail`), who accepts: a member with `role`. */
export async function addMemberViaApi(
  owner: Page,
  guest: Page,
  origin: string,
  partnershipId: string,
  guestEmail: string,
  role: Role,
  side: Side = 'partner',
): Promise<void> {
  const invited = await call<{ url: string }>(owner, origin, 'POST', `/api/partnerships/${partnershipId}/invitations`, {
    email: guestEmail,
    role,
    side,
  });
  const token = invited.url.split('/').pop() as string;
  await call(guest, origin, 'POST', `/api/invitations/${token}/accept`);
}
