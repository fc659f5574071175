import { useQuery } from '@tanstack/react-query';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown; retry: () => void }
  | { state: 'ready'; data: T };

/**
 * Loads through the shared TanStack Query cache under `key`: going back to a page shows what it
 * showed at once (and refreshes it), and two parts of a page asking for the same key share one
 * request. `key` must name what is loaded (e.g. `meeting:<id>`), as it did before.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Load<T> {
  // The cache refuses `undefined` as data; a loader that found nothing answers null instead.
  const query = useQuery({ queryKey: [key], queryFn: async () => ((await load()) ?? null) as T });
  if (query.isPending) return { state: 'loading' };
  if (query.isError) return { state: 'error', error: query.error, retry: () => void query.refetch() };
  return { state: 'ready', data: query.data };
}
