import { change, request } from '../components/request';

/** Password change (signed in), reset by e-mail (public), as libs/auth answers them. */
export const passwordApi = {
  /** Ends every other session and token of the account. */
  change: (currentPassword: string, newPassword: string): Promise<void> =>
    change('POST', '/api/auth/password', { body: { currentPassword, newPassword } }),
  /** Always accepted, whether or not the address has an account. */
  requestReset: (email: string): Promise<unknown> => request('POST', '/api/auth/password-reset', { body: { email } }),
  reset: (token: string, newPassword: string): Promise<void> =>
    request('POST', '/api/auth/password-reset/confirm', { body: { token, newPassword } }),
};
