import { change, request, type Json } from '../components/request';
import type {
  ConsentVersionView,
  InstrumentRole,
  PublicStudyConsent,
  ResearcherOption,
  StudyStatus,
  StudySummary,
  StudyView,
  SurveyConsentView,
  WithdrawalPolicy,
  WithdrawalView,
} from '../../../../libs/studies/src/study-view';

/** The studies API (libs/studies). Response types are the server's own, imported type-only. */
export type Study = Json<StudyView>;
export type StudyListItem = Json<StudySummary>;
export type ConsentVersion = Json<ConsentVersionView>;
export type Researcher = ResearcherOption;
export type StudyConsent = PublicStudyConsent;
export type SurveyConsent = SurveyConsentView;
export type Withdrawal = WithdrawalView;
export type { InstrumentRole, StudyStatus, WithdrawalPolicy };

export const INSTRUMENT_ROLES: InstrumentRole[] = ['resident_survey', 'focus_group_screener', 'observation_form', 'note_form'];

export interface StudyBody {
  titleLt: string;
  titleEn: string;
  purposeLt: string;
  purposeEn: string;
  municipalityCodes: string[];
  researcherIds?: string[];
  ethicsCommittee?: string;
  ethicsReference?: string;
  ethicsApprovedOn?: string;
}

export interface PolicyBody {
  k?: number;
  quasiIdentifiers?: string[];
  retention?: { contactsDays?: number; freeTextDays?: number; paradataDays?: number; exportsDays?: number };
  withdrawalPolicy?: WithdrawalPolicy;
}

const enc = encodeURIComponent;
const base = (id: string) => `/api/studies/${enc(id)}`;
const WITHDRAWAL_HEADER = 'x-withdrawal-token';

export const studiesApi = {
  list: (): Promise<StudyListItem[]> => request('GET', '/api/studies', { retries: 1 }),
  get: (id: string): Promise<Study> => request('GET', base(id), { retries: 1 }),
  researchers: (): Promise<Researcher[]> => request('GET', '/api/studies/researchers', { retries: 1 }),
  create: (body: StudyBody): Promise<Study> => change('POST', '/api/studies', { body }),
  update: (id: string, body: Partial<StudyBody>): Promise<Study> => change('PATCH', base(id), { body }),
  setStatus: (id: string, status: StudyStatus): Promise<Study> => change('POST', `${base(id)}/status`, { body: { status } }),
  consentVersions: (id: string): Promise<ConsentVersion[]> => request('GET', `${base(id)}/consent-versions`, { retries: 1 }),
  addConsent: (id: string, body: { textLt: string; textEn: string }): Promise<ConsentVersion> =>
    change('POST', `${base(id)}/consent-versions`, { body }),
  policy: (id: string, body: PolicyBody): Promise<Study> => change('PUT', `${base(id)}/policy`, { body }),
  attach: (id: string, surveyId: string, role: InstrumentRole): Promise<Study> =>
    change('POST', `${base(id)}/instruments`, { body: { surveyId, role } }),
  updateInstrument: (
    id: string,
    surveyId: string,
    body: { role?: InstrumentRole; quasiIdentifierQuestions?: Record<string, string> },
  ): Promise<Study> => change('PATCH', `${base(id)}/instruments/${enc(surveyId)}`, { body }),
  detach: (id: string, surveyId: string): Promise<Study> => change('DELETE', `${base(id)}/instruments/${enc(surveyId)}`),
};

/** What residents' pages call: no sign-in. */
export const publicStudiesApi = {
  surveyConsent: (surveyId: string): Promise<SurveyConsent> =>
    request('GET', `/api/public/surveys/${enc(surveyId)}/consent`, { retries: 1 }),
  withdrawal: (token: string): Promise<Withdrawal> =>
    request('GET', '/api/public/study-withdrawal', { headers: { [WITHDRAWAL_HEADER]: token }, retries: 1 }),
  withdraw: (token: string): Promise<Withdrawal> =>
    request('POST', '/api/public/study-withdrawal', { headers: { [WITHDRAWAL_HEADER]: token } }),
};
