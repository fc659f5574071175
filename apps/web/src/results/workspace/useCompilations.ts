import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompilationStatus, CompilationView } from '../types';
import { staffApi } from '../../workspace/api';

const POLL_MS = 2000;
const ACTIVE: ReadonlySet<CompilationStatus> = new Set(['queued', 'running', 'retrying']);

export const isActive = (c: CompilationView) => ACTIVE.has(c.status) || c.pending;

const keyOf = (c: CompilationView) => `${c.surveyVersionId}:${c.municipality.code}`;

export interface Compilations {
  items: CompilationView[] | null;
  error: unknown;
  polling: boolean;
  retry: () => void;
  /** Merges the rows a compile request answered with (202) and starts polling. */
  merge: (rows: CompilationView[]) => void;
}

/** The compilations of a survey, re-read every 2 s while any is queued, running or retrying. */
export function useCompilations(surveyId: string): Compilations {
  const [items, setItems] = useState<CompilationView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    staffApi.compilations(surveyId).then(
      (answer) => {
        if (cancelled) return;
        setItems(answer.items);
        setError(null);
      },
      (caught: unknown) => {
        if (cancelled) return;
        setError(caught);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [surveyId, tick]);

  const polling = !error && (items ?? []).some(isActive);
  useEffect(() => {
    if (!polling) return;
    const timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [polling, items]);

  const retry = useCallback(() => setTick((n) => n + 1), []);
  const merge = useCallback((rows: CompilationView[]) => {
    if (!live.current) return;
    setItems((current) => {
      const next = new Map((current ?? []).map((c) => [keyOf(c), c]));
      for (const row of rows) next.set(keyOf(row), row);
      return [...next.values()];
    });
  }, []);

  return { items, error, polling, retry, merge };
}
