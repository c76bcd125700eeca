import type { DocumentsResponse, PartnershipChangedResponse, Role, Side } from '@samverka/model';

/** A signed-up person as a script sees them: a session cookie for one origin. */
export interface TestAccount {
  origin: string;
  email: string;
  cookie: string;
}

let counter = 0;

/** A unique, valid email for one test run. */
export function uniqueEmail(label = 'person'): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now()}-${counter}@example.test`;
}

/** Calls the API the way a browser on `origin` would (Origin header, session cookie). */
export async function apiCall<T>(
  account: Pick<TestAccount, 'origin'> & { cookie?: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; setCookie: string | null }> {
  const response = await fetch(`${account.origin}${path}`, {
    method,
    headers: {
      origin: account.origin,
      ...(account.cookie ? { cookie: account.cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    setCookie: response.headers.get('set-cookie'),
  };
}

/** Signs a new person up through the real API and keeps their session cookie. */
export async function signUp(origin: string, name = 'Test Person', email = uniqueEmail()): Promise<TestAccount> {
  const res = await apiCall({ origin }, 'POST', '/api/auth/signup', {
    email,
    password: 'correct horse battery staple',
    name,
  });
  if (res.status !== 201 || !res.setCookie)
    throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { origin, email, cookie: res.setCookie.split(';')[0] as string };
}

export interface TestPartnership {
  id: string;
  canvasId: string;
  registerId: string;
}

/** Creates a partnership owned by `owner` and returns the ids of its first documents. */
export async function createPartnership(owner: TestAccount, side: Side = 'university'): Promise<TestPartnership> {
  const created = await apiCall<PartnershipChangedResponse>(owner, 'POST', '/api/partnerships', {
    name: 'Research school partnership',
    universityName: 'Linnaeus University',
    partnerName: 'Partner AB',
    side,
  });
  if (created.status !== 201) throw new Error(`create partnership failed: ${created.status}`);
  const id = created.body.partnership.id;
  const docs = await apiCall<DocumentsResponse>(owner, 'GET', `/api/partnerships/${id}/documents`);
  const canvas = docs.body.documents.find((d) => d.kind === 'canvas');
  const register = docs.body.documents.find((d) => d.kind === 'register');
  if (!canvas || !register) throw new Error('a new partnership lacks its canvas or register');
  return { id, canvasId: canvas.id, registerId: register.id };
}

/** Creates a text document in a partnership and returns its id. */
export async function createTextDocument(
  owner: TestAccount,
  partnershipId: string,
  title = 'Strategy',
): Promise<string> {
  const res = await apiCall<{ document: { id: string } }>(
    owner,
    'POST',
    `/api/partnerships/${partnershipId}/documents`,
    {
      kind: 'text',
      title,
    },
  );
  if (res.status !== 201) throw new Error(`create document failed: ${res.status}`);
  return res.body.document.id;
}

/** Invites a new person with `role` and has them sign up and accept; returns their account. */
export async function addMember(
  owner: TestAccount,
  partnershipId: string,
  role: Role,
  side: Side = 'partner',
): Promise<TestAccount> {
  const email = uniqueEmail(role);
  const invited = await apiCall<{ url: string }>(owner, 'POST', `/api/partnerships/${partnershipId}/invitations`, {
    email,
    role,
    side,
  });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status}`);
  const token = invited.body.url.split('/').pop() as string;
  const member = await signUp(owner.origin, `The ${role}`, email);
  const accepted = await apiCall(member, 'POST', `/api/invitations/${token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status}`);
  return member;
}
