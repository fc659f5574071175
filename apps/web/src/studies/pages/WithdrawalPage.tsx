import { useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';
import { fragmentToken } from '../../surveys/pages/InvitationPage';
import { publicStudiesApi, type Withdrawal } from '../api';
import { useStudiesI18n } from '../i18n';

/**
 * `/studies/withdraw#<token>`, from the link in a consent receipt: what withdrawing does (as the
 * consent agreed to says), and one button. Opening the page changes nothing; the token stays in
 * the fragment and travels in a header.
 */
export default function WithdrawalPage({ hash }: { hash: string }) {
  const { lang, st } = useStudiesI18n();
  const token = fragmentToken(hash);
  useTitle(st.withdrawalTitle);
  const loaded = useLoad(`withdrawal:${token}`, () => (token ? publicStudiesApi.withdrawal(token) : Promise.resolve(null)));
  const [done, setDone] = useState<Withdrawal | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const heading = <h1 className="page-title">{st.withdrawalTitle}</h1>;
  if (!token) {
    return (
      <>
        {heading}
        <p className="notice notice--error" role="alert" data-testid="error">
          {st.withdrawalBadLink}
        </p>
      </>
    );
  }
  if (loaded.state === 'loading') return <Loading text={st.withdrawalLoading} />;
  if (loaded.state === 'error') {
    return (
      <>
        {heading}
        <ErrorBox error={loaded.error} onRetry={loaded.retry} />
      </>
    );
  }
  const view = done ?? loaded.data;
  if (!view) return null;

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(await publicStudiesApi.withdraw(token));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const title = view.study ? (lang === 'lt' ? view.study.titleLt : view.study.titleEn) : '';
  return (
    <section data-testid="withdrawal" data-state={view.state}>
      {heading}
      {view.state === 'held' && view.policy && (
        <>
          <p>{st.withdrawalHeld(title)}</p>
          <p>{st.withdrawalWhat[view.policy]}</p>
          <p className="muted">{st.withdrawalAnonymous}</p>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void withdraw()} data-testid="withdraw">
            {busy ? st.withdrawing : st.withdrawButton}
          </button>
        </>
      )}
      {view.state === 'withdrawn' && (
        <p className="notice notice--success" role="status" data-testid="withdrawn">
          {st.withdrawn}
        </p>
      )}
      {view.state === 'nothing_held' && (
        <p className="notice notice--success" role="status" data-testid="nothing-held">
          {st.nothingHeld}
        </p>
      )}
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}
