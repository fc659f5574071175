/** The public (no sign-in) part of the platform API that residents' browsers call. */
import { request } from '../components/request';

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
  /** For study instruments: agreement to the study's current consent version. */
  consent?: { versionId: string; agreed: true };
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
  /** The study consent version this response was saved under, or null. */
  consentVersionId: string | null;
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
