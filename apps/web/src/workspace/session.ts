import { useEffect, useSyncExternalStore } from 'react';
import { onUnauthenticated } from '../components/request';
import { staffApi, type Account } from './api';

/**
 * Who is signed in, shared by the workspace pages. `undefined` until /api/auth/me answered; null
 * when nobody is. The request wrapper reports every 401 here, so a session that ended anywhere
 * sends the person to sign in the same way.
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

onUnauthenticated(() => {
  if (state.account) set({ account: null, error: null });
});

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
