import { change, request, type Json } from '../components/request';
import type { AccountView, Role } from '../../../../libs/auth/src/account-view';
import type { AuditPage } from '../../../../libs/audit/src/audit-view';

/** The admin API (libs/auth accounts, libs/municipalities, participation targets, libs/audit). */
export type AdminAccount = AccountView;
export type AuditPageJson = Json<AuditPage>;

export interface NewAccount {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  municipalityCodes: string[];
}

export interface AccountChanges {
  displayName?: string;
  disabled?: boolean;
  municipalityCodes?: string[];
}

export interface TargetRow {
  kind: string;
  municipalityCode?: string;
  target: number;
}

const enc = encodeURIComponent;

export const adminApi = {
  accounts: (): Promise<AdminAccount[]> => request('GET', '/api/admin/accounts', { retries: 1 }),
  createAccount: (body: NewAccount): Promise<AdminAccount> => change('POST', '/api/admin/accounts', { body }),
  updateAccount: (id: string, body: AccountChanges): Promise<AdminAccount> => change('PATCH', `/api/admin/accounts/${enc(id)}`, { body }),
  /** Signs the account out everywhere; the admin tells its owner the new password. */
  setPassword: (id: string, newPassword: string): Promise<void> =>
    change('POST', `/api/admin/accounts/${enc(id)}/password`, { body: { newPassword } }),

  createMunicipality: (body: { code: string; nameLt: string; nameEn: string }): Promise<unknown> =>
    change('POST', '/api/admin/municipalities', { body }),
  renameMunicipality: (code: string, body: { nameLt: string; nameEn: string }): Promise<unknown> =>
    change('PATCH', `/api/admin/municipalities/${enc(code)}`, { body }),
  createPartner: (body: { name: string; country: string; municipalityCode?: string }): Promise<unknown> =>
    change('POST', '/api/admin/partner-organisations', { body }),

  /** Replaces every target. */
  setTargets: (targets: TargetRow[]): Promise<unknown> => change('PUT', '/api/participation/targets', { body: { targets } }),

  audit: (params: { action?: string; limit: number; offset: number }): Promise<AuditPageJson> => {
    const query = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) });
    if (params.action) query.set('action', params.action);
    return request('GET', `/api/admin/audit?${query}`, { retries: 1 });
  },
};
