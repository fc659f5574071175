import { DomainError } from '@app/http';

export const notSignedIn = () =>
  new DomainError('unauthenticated', 'NOT_SIGNED_IN', 'Sign in first: send a session cookie or a bearer token');
export const sessionInvalid = () =>
  new DomainError('unauthenticated', 'SESSION_INVALID', 'The session has expired or was signed out; sign in again');
export const wrongCredentials = () =>
  new DomainError('unauthenticated', 'WRONG_CREDENTIALS', 'Email or password is incorrect');
export const csrfTokenInvalid = () =>
  new DomainError('forbidden', 'CSRF_TOKEN_INVALID', 'Missing or wrong X-CSRF-Token header for a cookie session');
export const roleNotAllowed = () =>
  new DomainError('forbidden', 'ROLE_NOT_ALLOWED', 'Your role does not allow this action');
export const tooManyRequests = (retryAfterSeconds: number, message: string) =>
  new DomainError('too_many', 'TOO_MANY_REQUESTS', message, undefined, { 'retry-after': String(retryAfterSeconds) });
export const emailTaken = (email: string) =>
  new DomainError('conflict', 'EMAIL_TAKEN', `An account with email ${email} already exists`, [
    { field: 'email', reason: 'is already used by another account' },
  ]);
export const accountNotFound = () => new DomainError('not_found', 'ACCOUNT_NOT_FOUND', 'No such account');
export const staffNeedMunicipality = () =>
  new DomainError('invalid', 'STAFF_NEED_MUNICIPALITY', 'Staff accounts work for at least one municipality', [
    { field: 'municipalityCodes', reason: 'must name at least one municipality for a staff account' },
  ]);
