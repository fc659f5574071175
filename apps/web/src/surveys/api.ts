/** The public (no sign-in) part of the platform API that residents' browsers call. */

export type Localizable = string | Record<string, string>;

export interface Municipality {
  code: string;
  name: { lt: string; en: string };
}

export interface SurveySummary {
  id: string;
  slug: string;
  title: Localizable | null;
  closesAt: string | null;
  accessMode?: 'public' | 'invitation';
}

export interface OpenSurvey {
  id: string;
  slug: string;
  versionId: string;
  version: number;
  languages: string[];
  accessMode: 'public' | 'invitation';
  anonymous: boolean;
  closesAt: string | null;
  definition: Record<string, unknown>;
  /** Sent by the server though not promised; used only to offer a choice when `?m=` is missing. */
  municipalityCodes?: string[];
}

export interface SurveyVersion {
  versionId: string;
  surveyId: string;
  version: number;
  languages: string[];
  definition: Record<string, unknown>;
}

export type ResponseStatus = 'partial' | 'complete';

export interface SaveResponseBody {
  surveyVersionId: string;
  municipalityCode: string;
  language: string;
  answers: Record<string, unknown>;
  status: ResponseStatus;
  invitationToken?: string;
}

export interface SavedResponse {
  id: string;
  status: ResponseStatus;
  surveyVersionId: string;
  resumeToken: string;
  submittedOn: string | null;
}

export interface ResumedResponse {
  id: string;
  surveyId: string;
  surveyVersionId: string;
  municipalityCode: string;
  language: string;
  status: ResponseStatus;
  /** null once submitted: the server no longer hands answers out. */
  answers: Record<string, unknown> | null;
}

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

/** Shared with the results and staff clients (results/api.ts, staff/api.ts). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
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
    if (res.ok) {
      return (res.status === 204 ? undefined : await res.json()) as T;
    }
    const transient = res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504;
    if (transient && attempt < retries) {
      const retryAfter = Number(res.headers.get('retry-after')) * 1000;
      const delay = retryAfter > 0 ? retryAfter : RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
      if (delay <= MAX_RETRY_AFTER_MS) {
        await sleep(delay);
        continue;
      }
    }
    throw await errorFrom(res);
  }
}

/** The ApiError for a non-2xx answer; shared with callers that need the raw body (a calendar file). */
export async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { code?: string; message?: unknown; details?: ErrorDetail[] };
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? res.statusText);
    return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, message, Array.isArray(body.details) ? body.details : []);
  } catch {
    return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
  }
}

const enc = encodeURIComponent;

let municipalitiesCache: Promise<Municipality[]> | null = null;
/** Survey versions never change once published, so each is fetched at most once per page load. */
const versionCache = new Map<string, Promise<SurveyVersion>>();

export const api = {
  municipalities(): Promise<Municipality[]> {
    municipalitiesCache ??= request<Municipality[]>('GET', '/api/public/municipalities', { retries: 1 });
    municipalitiesCache.catch(() => (municipalitiesCache = null));
    return municipalitiesCache;
  },

  openSurveys(municipalityCode: string): Promise<SurveySummary[]> {
    return request('GET', `/api/public/municipalities/${enc(municipalityCode)}/surveys`, { retries: 1 });
  },

  survey(surveyId: string): Promise<OpenSurvey> {
    return request('GET', `/api/public/surveys/${enc(surveyId)}`, { retries: 1 });
  },

  surveyVersion(versionId: string): Promise<SurveyVersion> {
    let cached = versionCache.get(versionId);
    if (!cached) {
      cached = request<SurveyVersion>('GET', `/api/public/survey-versions/${enc(versionId)}`, { retries: 1 });
      cached.catch(() => versionCache.delete(versionId));
      versionCache.set(versionId, cached);
    }
    return cached;
  },

  lookupInvitation(token: string): Promise<{ surveyId: string; municipalityCode: string }> {
    return request('POST', '/api/public/invitations/lookup', { body: { token } });
  },

  /** Idempotent on the server (same id and body), so retrying a lost request is safe. */
  saveResponse(
    responseId: string,
    body: SaveResponseBody,
    resumeToken: string | undefined,
    options: { keepalive?: boolean } = {},
  ): Promise<SavedResponse> {
    return request('PUT', `/api/public/responses/${enc(responseId)}`, {
      body,
      headers: resumeToken ? { 'X-Resume-Token': resumeToken } : {},
      retries: 3,
      keepalive: options.keepalive,
    });
  },

  resume(resumeToken: string): Promise<ResumedResponse> {
    const responseId = resumeToken.split('.')[0];
    return request('GET', `/api/public/responses/${enc(responseId)}`, {
      headers: { 'X-Resume-Token': resumeToken },
      retries: 1,
    });
  },
};
