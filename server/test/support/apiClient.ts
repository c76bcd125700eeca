// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import type { Side, UserResponse } from '@samverka/model';

/** Origin the test servers allow (`ALLOWED_ORIGINS`) and our API clients send on unsafe requests. */
export const TEST_ORIGIN = 'http://samverka.test';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A person talking to a real server over HTTP with a cookie jar of one cookie,
 * as a browser would (Origin on unsafe methods).
 */
export class ApiClient {
  cookie: string | undefined;

  constructor(
    readonly baseUrl: string,
    /** Sent on unsafe methods; null sends none. */
    readonly origin: string | null = TEST_ORIGIN,
  ) {}

  /** Sends a request; JSON bodies are encoded, JSON answers decoded. */
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.origin && !['GET', 'HEAD'].includes(method)) headers.origin = this.origin;
    let payload: string | Uint8Array | undefined;
    if (body instanceof Uint8Array) {
      // Raw bytes (uploads): the caller's headers say what they are.
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') || /Max-Age=0/i.test(setCookie) ? undefined : pair;
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

let people = 0;

/** Signs a new person up and returns their signed-in client and user id. */
export async function signUp(
  baseUrl: string,
  name = 'Person',
): Promise<{ client: ApiClient; userId: string; email: string }> {
  people += 1;
  const email = `${name.toLowerCase().replace(/[^a-z0-9]/g, '')}-${people}-${Date.now()}@example.org`;
  const client = new ApiClient(baseUrl);
  const answer = await client.post<UserResponse>('/api/auth/signup', {
    email,
    password: 'correct horse battery staple',
    name,
  });
  if (answer.status !== 201) throw new Error(`sign-up failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { client, userId: answer.body.user.id, email };
}

/** A partnership with its owner, and the ids of its starting documents. */
export interface TestPartnership {
  id: string;
  owner: { client: ApiClient; userId: string; email: string };
  canvasId: string;
  registerId: string;
}

/** Signs an owner up and creates a partnership, returning its canvas and register ids. */
export async function createTestPartnership(
  baseUrl: string,
  name = 'Owner',
  side: Side = 'university',
): Promise<TestPartnership> {
  const owner = await signUp(baseUrl, name);
  const created = await owner.client.post('/api/partnerships', {
    name: `${name}'s partnership`,
    universityName: 'Uppsala University',
    partnerName: 'Acme AB',
    side,
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.partnership.id as string;
  const docs = await owner.client.get(`/api/partnerships/${id}/documents`);
  const documents = docs.body.documents as { id: string; kind: string }[];
  const canvasId = documents.find((d) => d.kind === 'canvas')?.id ?? '';
  const registerId = documents.find((d) => d.kind === 'register')?.id ?? '';
  return { id, owner, canvasId, registerId };
}

/** Invites a new person with `role` and has them accept; returns their client. */
export async function addMember(
  partnership: TestPartnership,
  baseUrl: string,
  role: string,
  side: Side = 'partner',
  name = role,
): Promise<{ client: ApiClient; userId: string; email: string }> {
  const person = await signUp(baseUrl, name);
  const invited = await partnership.owner.client.post(`/api/partnerships/${partnership.id}/invitations`, {
    email: person.email,
    role,
    side,
  });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const token = (invited.body.url as string).split('/').pop();
  const accepted = await person.client.post(`/api/invitations/${token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return person;
}
