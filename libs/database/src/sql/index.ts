import { requestResultCompilation } from './request-result-compilation';
import { signupCounts } from './signup-counts';
import { surveyVersionImmutable } from './survey-version-immutable';
import { takeSignup } from './take-signup';

export { applySqlDefinitions, type SqlDefinition } from './sql-definition';
export { takeSignup };

/** Every SQL function and trigger the schema has, each in its own file. */
export const sqlDefinitions = [surveyVersionImmutable, requestResultCompilation, signupCounts, takeSignup];
