import { useCallback, useEffect, useState } from 'react';

/**
 * Like useLoad, but a refresh keeps showing the last data until the new arrives: a list that
 * changes with each check-in must not flash away each time.
 */
export function useRefreshable<T>(key: string, load: () => Promise<T>) {
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown }>({ key, data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ key, data, error: null }),
      (error: unknown) => live && setState((current) => ({ key, data: current.key === key ? current.data : null, error })),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` and `attempt` say when to load again.
  }, [key, attempt]);

  const same = state.key === key;
  return { data: same ? state.data : null, error: same ? state.error : null, refresh };
}
