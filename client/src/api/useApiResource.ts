import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, api } from './apiClient.ts';
import { getPrefetched } from './prefetch.ts';

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiRequestError | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads `path` on mount and whenever it changes; `reload` fetches it again. */
export function useApiResource<T>(path: string | null): ApiResource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiRequestError; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!path) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    // The first load may use what the boot prefetched; a reload always asks the server again.
    (generation === 0 ? getPrefetched<T>(path) : api.get<T>(path)).then(
      (data) => !cancelled && setState({ data, loading: false }),
      // The last good data stays: a failed re-check while offline must not blank the page.
      (error: unknown) =>
        !cancelled &&
        setState((s) => ({
          data: s.data,
          error: error instanceof ApiRequestError ? error : new ApiRequestError(0, 'internal_error', String(error)),
          loading: false,
        })),
    );
    return () => {
      cancelled = true;
    };
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
