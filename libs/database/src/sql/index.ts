import { requestResultCompilation } from './request-result-compilation';
import { signupCounts } from './signup-counts';
import { surveyVersionImmutable } from './survey-version-immutable';
import { takeSignup } from './take-signup';
import { consentVersionImmutable } from './consent-version-immutable';
import { responseStudyConsent } from './response-study-consent';
import { signupStudyConsent } from './signup-study-consent';

export { applySqlDefinitions, type SqlDefinition } from './sql-definition';
export { takeSignup, consentVersionImmutable, responseStudyConsent, signupStudyConsent };
export { STUDY_CONSENT_SQLSTATE } from './study-consent-codes';

/**
 * The definitions migration 1764200000000 applies: it imports this list, so the list stays the four
 * whose tables existed then (a trigger on a later table would fail on a fresh database). Later
 * definitions are applied by their own migrations and listed in `allSqlDefinitions`.
 */
export const sqlDefinitions = [surveyVersionImmutable, requestResultCompilation, signupCounts, takeSignup];

/** Every SQL function and trigger the schema has now, each in its own file. */
export const allSqlDefinitions = [...sqlDefinitions, consentVersionImmutable, responseStudyConsent, signupStudyConsent];
