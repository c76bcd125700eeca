import { api } from './apiClient.ts';

/**
 * How long after boot an answer fetched then may stand in for the first request a page
 * makes for the same path: long enough for the levels a deep link mounts one after the
 * other on a slow phone. Each answer serves one request; later ones ask the server.
 */
const PREFETCH_FRESH_MS = 10_000;

const early = new Map<string, { answer: Promise<unknown>; at: number }>();

/**
 * Starts a GET at boot, before the page that needs it has rendered (main.tsx, for a deep
 * link): otherwise the session, the partnership and its documents are asked for one after
 * the other, each only once the level above has rendered.
 */
export function prefetchApi<T>(path: string): Promise<T> {
  const started = early.get(path);
  if (started) return started.answer as Promise<T>;
  const answer = api.get<T>(path);
  // A failure is reported to whoever takes the answer; unhandled here it would only be noise.
  answer.catch(() => undefined);
  early.set(path, { answer, at: performance.now() });
  return answer;
}

/** Drops every answer fetched at boot: they were asked for by whoever was signed in then. */
export function forgetPrefetched(): void {
  early.clear();
}

/** The answer `prefetchApi` started for `path` (once, while it is fresh); else a new GET. */
export function getPrefetched<T>(path: string): Promise<T> {
  const entry = early.get(path);
  early.delete(path);
  if (entry && performance.now() - entry.at <= PREFETCH_FRESH_MS) return entry.answer as Promise<T>;
  return api.get<T>(path);
}
