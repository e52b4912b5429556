import { useCallback, useState } from 'react';
import { ApiError } from '../api/problem';

export interface Submission {
  busy: boolean;
  error: ApiError | null;
  /** The server's message for one field (dotted path), in plain words. */
  fieldError(field: string): string | undefined;
  /** Runs `action`; an ApiError is kept for display, anything else is rethrown. Resolves to the result or undefined. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(async <T,>(action: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      if (caught instanceof ApiError) {
        setError(caught);
        return undefined;
      }
      throw caught;
    } finally {
      setBusy(false);
    }
  }, []);

  const fields = error?.fieldErrors() ?? {};
  return {
    busy,
    error,
    fieldError: (field) => fields[field],
    run,
    clear: useCallback(() => setError(null), []),
  };
}
