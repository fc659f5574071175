import { ApiError, change, request, type Json } from '../components/request';
import type { AccountView } from '../../../../libs/auth/src/account-view';
import type { SurveyView } from '../../../../libs/surveys/src/survey-view';
import type { CompilationView, PublicationView, ResultsDocument } from '../results/types';

/** The server's own view types, imported type-only (erased at build): they cannot drift. */
export type { Role } from '../../../../libs/auth/src/account-view';
export type Account = Json<AccountView>;
export type StaffSurvey = Json<SurveyView>;

const enc = encodeURIComponent;

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

  /** A release: compile, audit, then new figures where enough new responses arrived (409 when none has). */
  release(surveyId: string, body: { version?: number; municipalityCodes?: string[] }): Promise<{ items: CompilationView[] }> {
    return change('POST', `/api/surveys/${enc(surveyId)}/results/releases`, { body });
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

  /** `municipalityCodes` null: every municipality. */
  publish(surveyId: string, version: number, questions: string[], municipalityCodes: string[] | null = null): Promise<PublicationView> {
    const body = municipalityCodes ? { version, questions, municipalityCodes } : { version, questions };
    return change('PUT', `/api/surveys/${enc(surveyId)}/results/publication`, { body });
  },

  withdraw(surveyId: string): Promise<void> {
    return change('DELETE', `/api/surveys/${enc(surveyId)}/results/publication`);
  },
};
