import { change, changeForFile, request, type FileAnswer, type Json } from '../../components/request';
import type { InvitationSummaryRow, ResponseCountRow, SurveyVersionSummary, SurveyView } from '../../../../../libs/surveys/src/survey-view';

/** The researcher/staff side of surveys (libs/surveys). Response types are the server's own. */
export type WorkspaceSurvey = Json<SurveyView>;
export type VersionSummary = Json<SurveyVersionSummary>;
export type FieldworkRow = ResponseCountRow;
export type InvitationCounts = InvitationSummaryRow;
export type AccessMode = 'public' | 'invitation';

export interface VersionWithDefinition extends VersionSummary {
  definition: Record<string, unknown>;
}

export interface NewSurveyBody {
  slug: string;
  definition: Record<string, unknown>;
  accessMode: AccessMode;
  anonymous: boolean;
  languages: string[];
  breakdowns: string[];
  disclosureK: number;
  municipalityCodes: string[];
  opensAt?: string | null;
  closesAt?: string | null;
}

export interface SurveySettingsBody {
  opensAt?: string | null;
  closesAt?: string | null;
  disclosureK?: number;
  releaseMinResponses?: number;
  responsesPerAddressPerDay?: number;
  municipalityCodes?: string[];
}

const enc = encodeURIComponent;
const base = (id: string) => `/api/surveys/${enc(id)}`;

export const surveysApi = {
  list: (): Promise<WorkspaceSurvey[]> => request('GET', '/api/surveys', { retries: 1 }),
  get: (id: string): Promise<WorkspaceSurvey> => request('GET', base(id), { retries: 1 }),
  create: (body: NewSurveyBody): Promise<WorkspaceSurvey> => change('POST', '/api/surveys', { body }),
  update: (id: string, body: SurveySettingsBody): Promise<WorkspaceSurvey> => change('PATCH', base(id), { body }),
  close: (id: string): Promise<WorkspaceSurvey> => change('POST', `${base(id)}/close`),
  version: (id: string, version: number): Promise<VersionWithDefinition> =>
    request('GET', `${base(id)}/versions/${version}`, { retries: 1 }),
  /** Replaces the open draft, or starts the next version when every version is published. */
  saveDraft: (id: string, definition: Record<string, unknown>): Promise<VersionSummary> =>
    change('POST', `${base(id)}/versions`, { body: { definition } }),
  publish: (id: string, version: number): Promise<WorkspaceSurvey> => change('POST', `${base(id)}/versions/${version}/publish`),
  fieldwork: (id: string): Promise<FieldworkRow[]> => request('GET', `${base(id)}/response-counts`, { retries: 1 }),
  invitations: (id: string): Promise<InvitationCounts[]> => request('GET', `${base(id)}/invitations`, { retries: 1 }),
  /** The one-time CSV (tokens are stored only as hashes): the page hands it to the browser as a file. */
  generateInvitations: (id: string, municipalityCode: string, count: number, lang: 'lt' | 'en'): Promise<FileAnswer> =>
    changeForFile('POST', `${base(id)}/invitations?lang=${lang}`, { body: { municipalityCode, count } }),
};
