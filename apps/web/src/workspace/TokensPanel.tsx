import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { formatMoment } from '../components/i18n';
import { Loading } from '../components/Loading';
import { passwordApi } from './passwordApi';
import { useWorkspaceI18n } from './i18n';

/** The signed-in person's API tokens, each revocable (the one this request came with is not a token here). */
export function TokensPanel() {
  const { lang, p } = useWorkspaceI18n();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['api-tokens'], queryFn: passwordApi.tokens });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const revoke = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await passwordApi.revokeToken(id);
      await client.invalidateQueries({ queryKey: ['api-tokens'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" data-testid="api-tokens">
      <h2 className="section-title">{p.tokensTitle}</h2>
      <p className="muted">{p.tokensIntro}</p>
      {tokens.isPending && <Loading />}
      {tokens.isError && <ErrorBox error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data &&
        (tokens.data.items.length === 0 ? (
          <p className="muted">{p.noTokens}</p>
        ) : (
          <ul className="plain-list">
            {tokens.data.items.map((token) => (
              <li key={token.id} className="version-row">
                <strong>{token.label ?? p.noLabel}</strong> · {p.tokenCreated(formatMoment(token.createdAt, lang))} ·{' '}
                {p.tokenExpires(formatMoment(token.expiresAt, lang))}{' '}
                {!token.current && (
                  <button type="button" className="button button--secondary button--small" disabled={busy !== null} onClick={() => void revoke(token.id)}>
                    {p.revoke}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}
