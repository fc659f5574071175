import { change, request, type Json } from '../components/request';
import type { ApiTokenView } from '../../../../libs/auth/src/account-view';

export type ApiToken = Json<ApiTokenView>;

/** Password change (signed in), reset by e-mail (public), as libs/auth answers them. */
export const passwordApi = {
  /** Ends every other session and token of the account. */
  change: (currentPassword: string, newPassword: string): Promise<void> =>
    change('POST', '/api/auth/password', { body: { currentPassword, newPassword } }),
  /** Always accepted, whether or not the address has an account. */
  requestReset: (email: string): Promise<unknown> => request('POST', '/api/auth/password-reset', { body: { email } }),
  reset: (token: string, newPassword: string): Promise<void> =>
    request('POST', '/api/auth/password-reset/confirm', { body: { token, newPassword } }),
  /** The account's bearer tokens (for scripts), without their secrets. */
  tokens: (): Promise<{ items: ApiToken[] }> => request('GET', '/api/auth/tokens', { retries: 1 }),
  revokeToken: (id: string): Promise<void> => change('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`),
};
