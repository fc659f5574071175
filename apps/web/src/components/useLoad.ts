import { useCallback, useEffect, useState } from 'react';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown; retry: () => void }
  | { state: 'ready'; data: T };

/** Runs `load` whenever `key` changes; a result that arrives after the key moved on is dropped. */
export function useLoad<T>(key: string, load: () => Promise<T>): Load<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ key: string; value: Load<T> }>({ key, value: { state: 'loading' } });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    setResult({ key, value: { state: 'loading' } });
    load().then(
      (data) => live && setResult({ key, value: { state: 'ready', data } }),
      (error: unknown) => live && setResult({ key, value: { state: 'error', error, retry } }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` says when it really changed.
  }, [key, attempt, retry]);

  return result.key === key ? result.value : { state: 'loading' };
}
