import { useEffect, useSyncExternalStore } from 'react';
import { ApiError } from '../surveys/api';
import { staffApi, type Account } from './api';

/**
 * Who is signed in, shared by the staff pages. `undefined` until /api/auth/me answered; null when
 * nobody is (or the session ended: any 401 from a staff call says so).
 */
type State = { account: Account | null | undefined; error: unknown };

let state: State = { account: undefined, error: null };
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: State): void {
  state = next;
  listeners.forEach((notify) => notify());
}

function load(): void {
  loading ??= staffApi.me().then(
    (account) => set({ account, error: null }),
    (error: unknown) => set({ account: undefined, error }),
  ).finally(() => (loading = null));
}

export function setAccount(account: Account | null): void {
  set({ account, error: null });
}

/** Call with any error from a staff request: a 401 means the session is gone. */
export function noticeUnauthenticated(error: unknown): void {
  if (error instanceof ApiError && error.status === 401 && state.account) set({ account: null, error: null });
}

export function retryAccount(): void {
  set({ account: undefined, error: null });
  load();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAccount(): State {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (current.account === undefined && !current.error) load();
  }, [current]);
  return current;
}
