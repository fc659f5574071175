import loadHighs, { type Highs } from 'highs';

/** HiGHS (WebAssembly) loads once per process: about 50 ms, then every model is cheap. */
let runtime: Promise<Highs> | null = null;

export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs().catch((error: unknown) => {
    runtime = null; // a failed load is not cached: the next audit tries again
    throw error;
  });
  return runtime;
}
