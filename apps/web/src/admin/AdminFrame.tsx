import type { ReactNode } from 'react';
// Pages an account's role does not open look like pages that do not exist.
import NotFoundPage from '../components/NotFoundPage';
import { Link } from '../router';
import { StaffFrame } from '../workspace/StaffFrame';
import type { Account } from '../workspace/api';
import { useAdminI18n } from './i18n';

/** The admin pages: the workspace frame, a tab row, and nothing at all for other roles. */
export function AdminFrame({ children }: { children: (account: Account) => ReactNode }) {
  const { a } = useAdminI18n();
  return (
    <StaffFrame>
      {(account) =>
        account.role !== 'admin' ? (
          <NotFoundPage />
        ) : (
          <>
            <nav className="toolbar" aria-label={a.adminTitle}>
              <Link to="/staff/admin/accounts" data-testid="admin-accounts">{a.accountsTitle}</Link>
              <Link to="/staff/admin/municipalities">{a.municipalitiesTitle}</Link>
              <Link to="/staff/admin/targets">{a.targetsTitle}</Link>
              <Link to="/staff/admin/audit" data-testid="admin-audit">{a.auditTitle}</Link>
            </nav>
            {children(account)}
          </>
        )
      }
    </StaffFrame>
  );
}
