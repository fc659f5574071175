import { DomainError } from '@app/http';

export const noCompiledResults = () =>
  new DomainError('not_found', 'RESULTS_NOT_COMPILED', 'No results have been compiled for this survey version yet');
export const noReleasedResults = () =>
  new DomainError('not_found', 'RESULTS_NOT_RELEASED', 'No results have been released for this survey yet');
export const releaseNotAllowed = (reason: string) =>
  new DomainError('conflict', 'RELEASE_NOT_POSSIBLE', reason);
export const noPublishedResults = () =>
  new DomainError('not_found', 'RESULTS_NOT_PUBLISHED', 'No published results for this survey');
export const publishedVersionNotFound = (field: string) =>
  new DomainError('not_found', 'SURVEY_VERSION_NOT_FOUND', 'No such published survey version', [
    { field, reason: 'is not a published version of this survey' },
  ]);
export const unknownQuestions = (names: string[]) =>
  new DomainError('invalid', 'UNKNOWN_QUESTIONS', 'Only compiled questions can be published', [
    { field: 'questions', reason: `${names.map((n) => JSON.stringify(n)).join(', ')} not compiled questions of this version (free-text questions never are)` },
  ]);
export const municipalityNotInSurvey = (field: string, code: string) =>
  new DomainError('not_found', 'MUNICIPALITY_NOT_IN_SURVEY', `The survey does not run in "${code}"`, [
    { field, reason: `the survey does not run in "${code}", or not for you` },
  ]);
