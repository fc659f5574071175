import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { municipalityName } from '../../components/i18n';
import type { Municipality } from '../api';
import { surveysApi, type WorkspaceSurvey } from './api';
import { useSurveysWorkspaceI18n } from './i18n';

/** Hands the file to the browser as a download (the CSV exists only in this answer). */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Generate invitations (one-time CSV) and see issued, used and unused per municipality. */
export function InvitationsPanel({ survey, municipalities, codes }: { survey: WorkspaceSurvey; municipalities: Municipality[]; codes: string[] }) {
  const { lang, w } = useSurveysWorkspaceI18n();
  const id = useId();
  const client = useQueryClient();
  const counts = useQuery({ queryKey: ['invitations', survey.id], queryFn: () => surveysApi.invitations(survey.id) });
  const [municipality, setMunicipality] = useState(codes[0] ?? '');
  const [count, setCount] = useState('50');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);

  const generate = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const n = Number(count);
      const file = await surveysApi.generateInvitations(survey.id, municipality, n, lang);
      download(file.fileName ?? `invitations-${survey.slug}-${municipality}.csv`, file.blob);
      setDone(n);
      await client.invalidateQueries({ queryKey: ['invitations', survey.id] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="invitations">
      <h2 id={`${id}-title`} className="section-title">
        {w.invitationsTitle}
      </h2>
      <p className="muted">{survey.accessMode === 'invitation' ? w.invitationsIntro : `${w.invitationsNotNeeded} ${w.invitationsIntro}`}</p>
      {counts.isError && <ErrorBox error={counts.error} onRetry={() => void counts.refetch()} />}
      {counts.data &&
        (counts.data.length === 0 ? (
          <p className="notice">{w.noInvitations}</p>
        ) : (
          <table className="table" data-testid="invitation-counts">
            <thead>
              <tr>
                <th scope="col">{w.colMunicipality}</th>
                <th scope="col" className="num">{w.colIssued}</th>
                <th scope="col" className="num">{w.colUsed}</th>
                <th scope="col" className="num">{w.colUnused}</th>
              </tr>
            </thead>
            <tbody>
              {counts.data.map((row) => (
                <tr key={row.municipalityCode}>
                  <td>{municipalityName(municipalities, row.municipalityCode, lang)}</td>
                  <td className="num">{row.issued}</td>
                  <td className="num">{row.used}</td>
                  <td className="num">{row.issued - row.used}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {codes.length > 0 && (
        <form className="form form--inline" onSubmit={generate}>
          <label className="field">
            <span className="field__label">{w.colMunicipality}</span>
            <select className="field__input" value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
              {codes.map((code) => (
                <option key={code} value={code}>
                  {municipalityName(municipalities, code, lang)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{w.count}</span>
            <input className="field__input field__input--short" type="number" min={1} max={10000} value={count} onChange={(e) => setCount(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={busy || !municipality} data-testid="generate-invitations">
            {w.generate}
          </button>
        </form>
      )}
      {done !== null && <p className="notice notice--success" role="status">{w.generated(done)}</p>}
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}
