import { DomainError } from '@app/http';

export const invalidField = (code: string, field: string, reason: string) =>
  new DomainError('invalid', code, `${field} ${reason}`, [{ field, reason }]);

export const studyNotFound = () => new DomainError('not_found', 'STUDY_NOT_FOUND', 'No such study');
export const researcherInvalid = (ids: string[]) =>
  invalidField('RESEARCHER_INVALID', 'researcherIds', `names accounts that are not active researchers or admins: ${ids.join(', ')}`);
export const researchersEmpty = () => invalidField('RESEARCHER_INVALID', 'researcherIds', 'must name at least one researcher or admin');
export const statusTransitionInvalid = (from: string, to: string) =>
  new DomainError('conflict', 'STUDY_STATUS_INVALID', `A ${from} study cannot become ${to}`, [
    { field: 'status', reason: `cannot go from ${from} to ${to} (draft -> active -> closed, and closed -> active to reopen)` },
  ]);
export const studyNotReady = (missing: string[]) =>
  new DomainError(
    'conflict',
    'STUDY_NOT_READY',
    `The study cannot start fieldwork yet: ${missing.join(', ')} missing`,
    missing.map((field) => ({
      field,
      reason: 'is needed before the study becomes active',
    })),
  );
export const studyClosed = () =>
  new DomainError('conflict', 'STUDY_CLOSED', 'This study is closed: reopen it first', [{ field: 'status', reason: 'is closed' }]);
export const surveyNotFound = () =>
  new DomainError('not_found', 'SURVEY_NOT_FOUND', 'No such survey', [{ field: 'surveyId', reason: 'is not a survey you can see' }]);
export const surveyNotPublished = () =>
  invalidField('SURVEY_NOT_PUBLISHED', 'surveyId', 'has no published version: publish it before attaching it to a study');
export const surveyInOtherStudy = () =>
  new DomainError('conflict', 'SURVEY_IN_OTHER_STUDY', 'This survey already belongs to a study (a survey belongs to at most one)', [
    { field: 'surveyId', reason: 'is an instrument of another study' },
  ]);
export const instrumentNotFound = () =>
  new DomainError('not_found', 'INSTRUMENT_NOT_FOUND', 'This survey is not an instrument of this study');
export const instrumentHasResponses = (count: number) =>
  new DomainError(
    'conflict',
    'INSTRUMENT_HAS_RESPONSES',
    `${count} responses were given under this study's consent: the instrument stays`,
    [{ field: 'surveyId', reason: `has ${count} responses under this study's consent` }],
  );
export const questionUnknown = (quasiIdentifier: string, question: string) =>
  invalidField(
    'QUESTION_UNKNOWN',
    `quasiIdentifierQuestions.${quasiIdentifier}`,
    `names "${question}", which is not a question of the survey's current version`,
  );
export const quasiIdentifierUnknown = (quasiIdentifier: string) =>
  invalidField('QUASI_IDENTIFIER_UNKNOWN', `quasiIdentifierQuestions.${quasiIdentifier}`, "is not one of the study's quasi-identifiers");
export const consentMissing = () =>
  new DomainError('conflict', 'CONSENT_MISSING', 'Write the consent text first', [{ field: 'consent', reason: 'has no version yet' }]);
export const withdrawalLinkInvalid = () =>
  new DomainError('not_found', 'WITHDRAWAL_LINK_INVALID', 'This withdrawal link is not valid; use the link from your receipt', [
    { field: 'x-withdrawal-token', reason: 'is not a withdrawal link made by this platform' },
  ]);
