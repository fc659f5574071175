import { DomainError, type ErrorDetail } from '@app/http';
import type { AnswerProblem } from './answers/answer-problems';

export const surveyNotFound = () => new DomainError('not_found', 'SURVEY_NOT_FOUND', 'No such survey');
export const versionNotFound = (field = 'surveyVersionId') =>
  new DomainError('not_found', 'SURVEY_VERSION_NOT_FOUND', 'No such published survey version', [
    { field, reason: 'is not a published version of an available survey' },
  ]);
export const slugTaken = (slug: string) =>
  new DomainError('conflict', 'SURVEY_SLUG_TAKEN', `A survey with slug "${slug}" already exists`, [
    { field: 'slug', reason: 'is already used by another survey' },
  ]);
export const definitionInvalid = (details: ErrorDetail[]) =>
  new DomainError('invalid', 'DEFINITION_INVALID', 'The SurveyJS definition cannot be used', details);
export const outsideScope = (field: string) =>
  new DomainError('forbidden', 'MUNICIPALITY_OUTSIDE_SCOPE', 'You can only target the municipalities you work for', [
    { field, reason: 'names a municipality you do not work for' },
  ]);
export const notAllowedToChange = () =>
  new DomainError(
    'forbidden',
    'SURVEY_NOT_YOURS',
    'This survey also runs in municipalities you do not work for; ask a researcher or an admin to change it',
  );
export const alreadyPublished = (version: number) =>
  new DomainError('conflict', 'VERSION_ALREADY_PUBLISHED', `Version ${version} is already published`);
export const surveyNotOpenYet = (opensAt: Date) =>
  new DomainError('conflict', 'SURVEY_NOT_OPEN', `This survey opens on ${opensAt.toISOString().slice(0, 10)}`);
export const surveyClosed = () => new DomainError('gone', 'SURVEY_CLOSED', 'This survey is closed');
export const wrongMunicipality = (code: string) =>
  new DomainError('invalid', 'WRONG_MUNICIPALITY', `This survey is not run in municipality "${code}"`, [
    { field: 'municipalityCode', reason: `the survey is not run in "${code}"` },
  ]);
export const languageNotOffered = (language: string, offered: string[]) =>
  new DomainError('invalid', 'LANGUAGE_NOT_OFFERED', `This survey is not offered in "${language}"`, [
    { field: 'language', reason: `must be one of ${offered.join(', ')}` },
  ]);
export const answersInvalid = (problems: AnswerProblem[]) =>
  new DomainError(
    'invalid',
    'ANSWERS_INVALID',
    `${problems.length} answer(s) cannot be accepted: ${problems.map((p) => p.question).join(', ')}`,
    problems,
  );
export const answersNotAnObject = () =>
  new DomainError('invalid', 'INVALID_INPUT', 'The request is not valid', [
    { field: 'answers', reason: 'answers must be an object of question name -> value' },
  ]);
export const invitationRequired = () =>
  new DomainError('forbidden', 'INVITATION_REQUIRED', 'This survey is by invitation only: use your invitation link', [
    { field: 'invitationToken', reason: 'is required for this survey' },
  ]);
export const invitationNotFound = () =>
  new DomainError('not_found', 'INVITATION_NOT_FOUND', 'This invitation link is not valid', [
    { field: 'invitationToken', reason: 'is not a valid invitation for this survey' },
  ]);
export const invitationUsed = () =>
  new DomainError('gone', 'INVITATION_USED', 'This invitation has already been used to answer the survey', [
    { field: 'invitationToken', reason: 'has already been used' },
  ]);
export const responseIdTaken = () =>
  new DomainError(
    'conflict',
    'RESPONSE_ID_TAKEN',
    'A different response already uses this id; continue it with its resume token or start a new one',
    [{ field: 'X-Resume-Token', reason: 'is missing or does not belong to this response' }],
  );
export const responseAlreadySubmitted = () =>
  new DomainError('conflict', 'RESPONSE_ALREADY_SUBMITTED', 'This response was already submitted and cannot change');
export const responseMoved = (field: string) =>
  new DomainError('conflict', 'RESPONSE_CANNOT_MOVE', `A response cannot change its ${field}; start a new one`, [
    { field, reason: 'differs from the stored response' },
  ]);
export const responseNotFound = () =>
  new DomainError('not_found', 'RESPONSE_NOT_FOUND', 'No response for this resume link');
export const windowInvalid = () =>
  new DomainError('invalid', 'SURVEY_WINDOW_INVALID', 'A survey must open before it closes', [
    { field: 'closesAt', reason: 'must be later than opensAt' },
  ]);
export const tooManyFromAddress = (limit: number) =>
  new DomainError('too_many', 'TOO_MANY_RESPONSES_FROM_ADDRESS', `This survey accepts at most ${limit} new responses a day from one address`, [
    { field: 'address', reason: `at most ${limit} new responses a day from one network address` },
  ]);
export const disclosureKFixed = () =>
  new DomainError('conflict', 'DISCLOSURE_K_ONLY_RAISED', 'Results have been released: k may now only be raised', [
    { field: 'disclosureK', reason: 'may not be lowered once results have been released' },
  ]);
export const releaseRuleTooLow = (minimum: number, released: boolean) =>
  new DomainError('invalid', 'RELEASE_RULE_TOO_LOW', `releaseMinResponses must be at least ${minimum}`, [
    {
      field: 'releaseMinResponses',
      reason: released ? `must be at least ${minimum} (2k, and it may only be raised once results are released)` : `must be at least ${minimum} (2k)`,
    },
  ]);
