import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/problem';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * GETs `path` (null: nothing yet) and keeps the last answer while reloading, so a refresh
 * never blanks the page. `refreshMs` polls while the tab is visible: cases move on through
 * Kafka after a command returns, and the page should show it without a manual reload.
 * `keepPrevious` keeps showing the last answer while another path loads (the replay scrubber).
 */
export function useApi<T>(path: string | null, options: { refreshMs?: number; keepPrevious?: boolean } = {}): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const keepPrevious = options.keepPrevious ?? false;
  const current = useRef(path);
  current.current = path;

  const load = useCallback(async (signal?: AbortSignal) => {
    if (path === null) return;
    setLoading(true);
    try {
      const answer = await api.get<T>(path, { signal });
      if (current.current !== path) return;
      setData(answer);
      setError(null);
    } catch (caught) {
      if ((caught as Error).name === 'AbortError' || current.current !== path) return;
      setError(caught instanceof ApiError ? caught : new ApiError({ type: 'about:blank', title: 'Error', status: 500, detail: String(caught) }));
    } finally {
      if (current.current === path) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    const controller = new AbortController();
    if (!keepPrevious) setData(undefined);
    setError(null);
    void load(controller.signal);
    return () => controller.abort();
  }, [load, keepPrevious]);

  useEffect(() => {
    if (!options.refreshMs || path === null) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, options.refreshMs);
    return () => window.clearInterval(timer);
  }, [load, options.refreshMs, path]);

  return { data, error, loading, reload: useCallback(() => load(), [load]) };
}
