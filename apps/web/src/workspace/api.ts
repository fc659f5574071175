import { ApiError, request, type RequestOptions } from '../surveys/api';
import type { CompilationView, PublicationView, ResultsDocument } from '../results/types';

/** Mirrors libs/auth/src/dto/account.dto.ts (AccountView). */
export type Role = 'admin' | 'staff' | 'researcher';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  municipalityCodes: string[];
  disabled: boolean;
}

/** Mirrors SurveyView in libs/surveys/src/surveys.service.ts (dates arrive as ISO strings). */
export interface StaffSurvey {
  id: string;
  slug: string;
  accessMode: string;
  anonymous: boolean;
  languages: string[];
  breakdowns: string[];
  opensAt: string | null;
  closesAt: string | null;
  municipalityCodes: string[];
  versions: { id: string; version: number; publishedAt: string | null; createdAt: string }[];
  currentVersion: number | null;
  /** Not in SurveyView today; shown when the server adds it. */
  title?: unknown;
}

const enc = encodeURIComponent;

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

export function change<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>(method, path, { ...options, headers: { ...options.headers, [CSRF_HEADER]: csrfToken() } });
}

export const staffApi = {
  signIn(email: string, password: string): Promise<{ account: Account; csrfToken: string; expiresAt: string }> {
    return request('POST', '/api/auth/sessions', { body: { email, password } });
  },

  /** null when not signed in (or the session ended). */
  async me(): Promise<Account | null> {
    try {
      return await request<Account>('GET', '/api/auth/me', { retries: 1 });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  signOut(): Promise<void> {
    return change('DELETE', '/api/auth/session');
  },

  surveys(): Promise<StaffSurvey[]> {
    return request('GET', '/api/surveys', { retries: 1 });
  },

  survey(id: string): Promise<StaffSurvey> {
    return request('GET', `/api/surveys/${enc(id)}`, { retries: 1 });
  },

  /** SurveyView has no title: the title is in a version's definition. */
  version(id: string, version: number): Promise<{ version: number; definition: { title?: unknown } }> {
    return request('GET', `/api/surveys/${enc(id)}/versions/${version}`, { retries: 1 });
  },

  compilations(surveyId: string): Promise<{ items: CompilationView[] }> {
    return request('GET', `/api/surveys/${enc(surveyId)}/results/compilations`);
  },

  compile(surveyId: string, body: { version?: number; municipalityCodes?: string[] }): Promise<{ items: CompilationView[] }> {
    return change('POST', `/api/surveys/${enc(surveyId)}/results/compilations`, { body });
  },

  results(surveyId: string, version: number): Promise<ResultsDocument> {
    return request('GET', `/api/surveys/${enc(surveyId)}/results?version=${version}`, { retries: 1 });
  },

  csvUrl(surveyId: string, version: number): string {
    return `/api/surveys/${enc(surveyId)}/results/csv?version=${version}`;
  },

  /** null when nothing is published. */
  async publication(surveyId: string): Promise<PublicationView | null> {
    try {
      return await request<PublicationView>('GET', `/api/surveys/${enc(surveyId)}/results/publication`, { retries: 1 });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RESULTS_NOT_PUBLISHED') return null;
      throw error;
    }
  },

  publish(surveyId: string, version: number, questions: string[]): Promise<PublicationView> {
    return change('PUT', `/api/surveys/${enc(surveyId)}/results/publication`, { body: { version, questions } });
  },

  withdraw(surveyId: string): Promise<void> {
    return change('DELETE', `/api/surveys/${enc(surveyId)}/results/publication`);
  },
};
