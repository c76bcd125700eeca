import type { ApiErrorBody } from '@samverka/model';

/** An API answer with an error status: its stable id, message and per-field problems. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** Per-row problems of a refused import (`invalid_rows`). */
    readonly rows: unknown[] = [],
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A body sent as it is (a CSV file), not as JSON. */
interface RawBody {
  raw: string;
  contentType: string;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  const raw = body as RawBody | undefined;
  const isRaw = typeof raw?.raw === 'string';
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': isRaw ? raw.contentType : 'application/json' },
      body: body === undefined ? undefined : isRaw ? raw.raw : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, 'network_error', 'The server could not be reached');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (json as ApiErrorBody | undefined)?.error;
    throw new ApiRequestError(
      response.status,
      error?.id ?? 'internal_error',
      error?.message ?? response.statusText,
      { ...error?.fields },
      (json as { rows?: unknown[] } | undefined)?.rows,
    );
  }
  return json as T;
}

/** The HTTP API, same origin, JSON in and out; errors throw `ApiRequestError`. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  /** A body only where the server asks for a confirmation (deleting one's account asks for the password). */
  delete: <T = void>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  /** Posts text as it is, e.g. a CSV file with `text/csv`. */
  postText: <T>(path: string, text: string, contentType: string) =>
    request<T>('POST', path, { raw: text, contentType } satisfies RawBody),
};
