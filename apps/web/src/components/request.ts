/**
 * The one request wrapper every api client uses: JSON in and out, the session's CSRF token on
 * changes, retries for idempotent calls, one error type (ApiError, carrying the server's `code`
 * so pages translate it), and one place that notices a 401 (the session ended) and tells the
 * workspace shell, which sends the person to sign in.
 */

export interface ErrorDetail {
  field: string;
  question?: string;
  reason: string;
}

/** An HTTP answer other than 2xx; status 0 means the server was never reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Extra attempts after a network failure or a busy server; only for idempotent requests. */
  retries?: number;
  /** Lets a save finish while the page is being closed. */
  keepalive?: boolean;
}

const RETRY_DELAYS_MS = [800, 2000, 4000];
const MAX_RETRY_AFTER_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const unauthenticatedListeners = new Set<() => void>();

/** Called on every 401 answer: the workspace session listens and forgets who was signed in. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** The auth guard wants the session's CSRF token (a readable cookie) echoed on every change. */
const CSRF_COOKIE = 'dp_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

function csrfToken(): string {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return '';
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** A change (POST, PUT, PATCH, DELETE) by a signed-in person: carries the CSRF token. */
export function change<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>(method, path, { ...options, headers: { ...options.headers, [CSRF_HEADER]: csrfToken() } });
}

export interface FileAnswer {
  /** The bytes as sent: a CSV keeps its byte-order mark (text() would drop it, and Excel needs it). */
  blob: Blob;
  /** The server's name for it (content-disposition), or null. */
  fileName: string | null;
}

/** Like `change`, for answers that are files (a one-time CSV). */
export async function changeForFile(method: string, path: string, options: RequestOptions = {}): Promise<FileAnswer> {
  const res = await send(method, path, { ...options, headers: { ...options.headers, [CSRF_HEADER]: csrfToken() } });
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
}

/** `filename*=UTF-8''...` when given (RFC 6266), else the plain `filename="..."`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/** Fetches with retries; a non-2xx answer becomes an ApiError (and a 401 tells the session). */
export async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const init: RequestInit = {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    keepalive: options.keepalive,
  };
  const retries = options.retries ?? 0;

  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(path, init);
    } catch {
      if (attempt < retries) {
        await sleep(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]);
        continue;
      }
      throw new ApiError(0, 'NETWORK', 'Network error');
    }
    if (res.ok) return res;
    const transient = res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504;
    if (transient && attempt < retries) {
      const retryAfter = Number(res.headers.get('retry-after')) * 1000;
      const delay = retryAfter > 0 ? retryAfter : RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
      if (delay <= MAX_RETRY_AFTER_MS) {
        await sleep(delay);
        continue;
      }
    }
    const error = await errorFrom(res);
    if (error.status === 401) unauthenticatedListeners.forEach((listener) => listener());
    throw error;
  }
}

/** The ApiError for a non-2xx answer. */
export async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { code?: string; message?: unknown; details?: ErrorDetail[] };
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? res.statusText);
    return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, message, Array.isArray(body.details) ? body.details : []);
  } catch {
    return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
  }
}

/** What JSON makes of a server view: dates arrive as ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
