import { useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { meetingsApi, type Signup } from './api';
import { useMeetingsI18n } from './i18n';

/** "Cancel my sign-up", then a second, explicit yes: a tap by mistake must not give the place away. */
export function CancelSignup({ token, onCancelled }: { token: string; onCancelled: (signup: Signup) => void }) {
  const { m } = useMeetingsI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      onCancelled(await meetingsApi.cancel(token));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="cancel-signup">
      {confirming ? (
        <div className="notice notice--warning confirm" role="group" aria-label={m.cancelSignup}>
          <p className="notice__text">{m.cancelConfirm}</p>
          <div className="actions actions--row">
            <button type="button" className="button button--danger" disabled={busy} onClick={cancel} data-testid="cancel-confirm">
              {busy ? m.cancelling : m.cancelYes}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {m.keep}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--secondary button--block" onClick={() => setConfirming(true)} data-testid="cancel-signup">
          {m.cancelSignup}
        </button>
      )}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
