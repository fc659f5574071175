/**
 * What the studies API answers with. A types-only file (no decorators, no server imports), so the
 * web app imports it type-only and cannot drift from the server; relative imports only.
 */

export type StudyStatus = 'draft' | 'active' | 'closed';
export type InstrumentRole = 'resident_survey' | 'focus_group_screener' | 'observation_form' | 'note_form';
/** What withdrawing does to a participant's personal data. */
export type WithdrawalPolicy = 'delete' | 'anonymise';

/** Days each data class is kept (README "Studies": what each class holds and when its clock starts). */
export interface RetentionDays {
  contactsDays: number;
  freeTextDays: number;
  paradataDays: number;
  exportsDays: number;
}

/** What a consent version told people, fixed with it: their data is never kept longer than this. */
export interface ConsentTerms {
  contactsDays: number;
  freeTextDays: number;
  paradataDays: number;
  withdrawalPolicy: WithdrawalPolicy;
}

export interface ConsentVersionView {
  id: string;
  version: number;
  textLt: string;
  textEn: string;
  terms: ConsentTerms;
  /** The platform's statement of the terms, as residents read it under the text (one sentence each). */
  termsTextLt: string[];
  termsTextEn: string[];
  createdAt: Date;
  /** E-mail of the researcher or admin who wrote it; null when made by the platform. */
  createdBy: string | null;
}

export interface StudyResearcher {
  accountId: string;
  displayName: string;
  email: string;
  role: 'researcher' | 'admin';
}

/** Where a quasi-identifier comes from in one instrument: the response's municipality, a question, or nowhere yet. */
export type QuasiIdentifierSource =
  | { quasiIdentifier: string; source: 'municipality' }
  | { quasiIdentifier: string; source: 'question'; question: string; how: 'set' | 'breakdown' | 'same_name' }
  | { quasiIdentifier: string; source: 'unmapped' };

export interface StudyInstrumentView {
  surveyId: string;
  slug: string;
  role: InstrumentRole;
  /** The survey's newest published version. */
  currentVersion: number | null;
  /** The k of the survey's published results (the study's k governs exports). */
  surveyDisclosureK: number;
  /** Mappings set by a researcher (quasi-identifier -> question); the rest are derived. */
  quasiIdentifierQuestions: Record<string, string>;
  quasiIdentifiers: QuasiIdentifierSource[];
  /** Responses stored under this study's consent. */
  responses: number;
  attachedAt: Date;
}

export interface AnonymisationPolicy {
  /** Every combination of the quasi-identifiers in exported rows has at least k rows (>= PLATFORM_MIN_K). */
  k: number;
  quasiIdentifiers: string[];
}

export interface StudyMeetingView {
  id: string;
  titleLt: string;
  titleEn: string;
  startsAt: Date;
  municipalityCode: string;
  signups: number;
}

export interface StudyView {
  id: string;
  titleLt: string;
  titleEn: string;
  purposeLt: string;
  purposeEn: string;
  status: StudyStatus;
  ethics: { committee: string | null; reference: string | null; approvedOn: string | null };
  municipalityCodes: string[];
  researchers: StudyResearcher[];
  instruments: StudyInstrumentView[];
  meetings: StudyMeetingView[];
  /** The current consent version; null until one is written. */
  consent: ConsentVersionView | null;
  retention: RetentionDays;
  withdrawalPolicy: WithdrawalPolicy;
  anonymisation: AnonymisationPolicy;
  /** The caller may change it (its researchers and admins); staff read only. */
  canManage: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface StudySummary {
  id: string;
  titleLt: string;
  titleEn: string;
  status: StudyStatus;
  municipalityCodes: string[];
  instruments: number;
  consentVersion: number | null;
  canManage: boolean;
  updatedAt: Date;
}

/** An account that may be made responsible for a study (researchers and admins). */
export interface ResearcherOption {
  accountId: string;
  displayName: string;
  email: string;
  role: 'researcher' | 'admin';
}

/** What a resident's page shows before answering a study instrument or signing up for a study meeting. */
export interface PublicStudyConsent {
  study: {
    id: string;
    titleLt: string;
    titleEn: string;
    purposeLt: string;
    purposeEn: string;
    ethics: { committee: string; reference: string; approvedOn: string };
  };
  consent: {
    versionId: string;
    version: number;
    textLt: string;
    textEn: string;
    terms: ConsentTerms;
    termsTextLt: string[];
    termsTextEn: string[];
    /** A day. */
    createdOn: string;
  };
}

/** GET /api/public/surveys/:id/consent: whether answering needs consent, and to what. */
export type SurveyConsentView = { required: false } | ({ required: true } & PublicStudyConsent);

/** The withdrawal page: what the link stands for. */
export interface WithdrawalView {
  /** held: personal data is still held and can be withdrawn; withdrawn: done before; nothing_held: deleted (withdrawn or retention). */
  state: 'held' | 'withdrawn' | 'nothing_held';
  kind: string;
  study: { titleLt: string; titleEn: string } | null;
  /** What withdrawing does, as the consent agreed to says; null when nothing is held. */
  policy: WithdrawalPolicy | null;
}
