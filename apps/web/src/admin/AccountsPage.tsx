import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { useTitle } from '../components/useTitle';
import { AdminFrame } from './AdminFrame';
import { adminApi, type AdminAccount, type NewAccount } from './api';
import { useAdminI18n } from './i18n';

const codesOf = (text: string) => text.split(',').map((code) => code.trim()).filter(Boolean);

/** Accounts: create, disable or enable, change a staff member's municipalities, set a new password. */
export default function AccountsPage() {
  const { a } = useAdminI18n();
  useTitle(a.accountsTitle);
  return <AdminFrame>{() => <Accounts />}</AdminFrame>;
}

function Accounts() {
  const { a } = useAdminI18n();
  const accounts = useQuery({ queryKey: ['admin-accounts'], queryFn: adminApi.accounts });
  return (
    <>
      <h1 className="page-title">{a.accountsTitle}</h1>
      <NewAccountForm />
      {accounts.isPending && <Loading />}
      {accounts.isError && <ErrorBox error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data && (
        <div className="table-scroll">
          <table className="table" data-testid="accounts">
            <thead>
              <tr>
                <th scope="col">{a.colEmail}</th>
                <th scope="col">{a.colName}</th>
                <th scope="col">{a.colRole}</th>
                <th scope="col">{a.colMunicipalities}</th>
                <th scope="col">{a.colStatus}</th>
                <th scope="col">{a.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.map((account) => (
                <AccountRow key={account.id} account={account} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function NewAccountForm() {
  const { a } = useAdminI18n();
  const id = useId();
  const client = useQueryClient();
  const [values, setValues] = useState({ email: '', displayName: '', password: '', role: 'staff', codes: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const body: NewAccount = {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        role: values.role as NewAccount['role'],
        municipalityCodes: values.role === 'staff' ? codesOf(values.codes) : [],
      };
      await adminApi.createAccount(body);
      setValues({ email: '', displayName: '', password: '', role: 'staff', codes: '' });
      setDone(true);
      await client.invalidateQueries({ queryKey: ['admin-accounts'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="panel" open>
      <summary className="section-title">{a.newAccount}</summary>
      <form className="form form--wide" onSubmit={submit} noValidate data-testid="new-account">
        <div className="form__row">
          <label className="field" htmlFor={`${id}-email`}>
            <span className="field__label">{a.email}</span>
            <input id={`${id}-email`} className="field__input" type="email" value={values.email} onChange={set('email')} data-testid="account-email" />
          </label>
          <label className="field" htmlFor={`${id}-name`}>
            <span className="field__label">{a.displayName}</span>
            <input id={`${id}-name`} className="field__input" value={values.displayName} onChange={set('displayName')} data-testid="account-name" />
          </label>
        </div>
        <div className="form__row">
          <label className="field" htmlFor={`${id}-password`}>
            <span className="field__label">{a.password}</span>
            <input id={`${id}-password`} className="field__input" type="text" autoComplete="off" value={values.password} onChange={set('password')} data-testid="account-password" />
          </label>
          <label className="field" htmlFor={`${id}-role`}>
            <span className="field__label">{a.role}</span>
            <select id={`${id}-role`} className="field__input" value={values.role} onChange={set('role')} data-testid="account-role">
              {['staff', 'researcher', 'admin'].map((role) => (
                <option key={role} value={role}>
                  {a.roles[role]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {values.role === 'staff' && (
          <label className="field" htmlFor={`${id}-codes`}>
            <span className="field__label">{a.municipalityCodes}</span>
            <input id={`${id}-codes`} className="field__input" value={values.codes} onChange={set('codes')} data-testid="account-municipalities" />
          </label>
        )}
        <button type="submit" className="button" disabled={busy} data-testid="create-account">
          {a.create}
        </button>
        {done && (
          <p className="notice notice--success" role="status" data-testid="account-created">
            {a.created}
          </p>
        )}
        {error !== null && <ErrorBox error={error} />}
      </form>
    </details>
  );
}

function AccountRow({ account }: { account: AdminAccount }) {
  const { a } = useAdminI18n();
  const client = useQueryClient();
  const [codes, setCodes] = useState(account.municipalityCodes.join(', '));
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await action();
      setMessage(done);
      await client.invalidateQueries({ queryKey: ['admin-accounts'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid={`account-${account.email}`}>
      <td>{account.email}</td>
      <td>{account.displayName}</td>
      <td>{a.roles[account.role] ?? account.role}</td>
      <td>
        {account.role === 'staff' ? (
          <span className="form--inline">
            <input className="field__input" aria-label={a.colMunicipalities} value={codes} onChange={(e) => setCodes(e.target.value)} />
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void run(() => adminApi.updateAccount(account.id, { municipalityCodes: codesOf(codes) }), a.saved)}>
              {a.saveScope}
            </button>
          </span>
        ) : (
          '—'
        )}
      </td>
      <td>{account.disabled ? a.disabled : a.active}</td>
      <td>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={() => void run(() => adminApi.updateAccount(account.id, { disabled: !account.disabled }), a.saved)}
          data-testid="toggle-disabled"
        >
          {account.disabled ? a.enable : a.disable}
        </button>
        <details>
          <summary>{a.resetPassword}</summary>
          <span className="form--inline">
            <input className="field__input" aria-label={a.newPassword} type="text" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
            <button type="button" className="button button--small" disabled={busy || !password} onClick={() => void run(() => adminApi.setPassword(account.id, password), a.passwordSet)}>
              {a.set}
            </button>
          </span>
        </details>
        {message && <p role="status" className="small">{message}</p>}
        {error !== null && <ErrorBox error={error} />}
      </td>
    </tr>
  );
}
