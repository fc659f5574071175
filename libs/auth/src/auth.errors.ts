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
export const passwordRejected = (field: string, reason: string) =>
  new DomainError('invalid', 'PASSWORD_REJECTED', `${field} ${reason}`, [{ field, reason }]);
export const currentPasswordWrong = () =>
  new DomainError('invalid', 'CURRENT_PASSWORD_WRONG', 'currentPassword is not your current password', [
    { field: 'currentPassword', reason: 'is not your current password' },
  ]);
export const resetTokenInvalid = () =>
  new DomainError('invalid', 'RESET_TOKEN_INVALID', 'This reset link is not valid, was already used or has expired; ask for a new one', [
    { field: 'token', reason: 'is not valid, was already used or has expired' },
  ]);
export const tokenNotFound = () => new DomainError('not_found', 'TOKEN_NOT_FOUND', 'No such API token');
