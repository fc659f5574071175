import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { formatDay } from '../../components/i18n';
import { groupByQuestion, itemTitle, municipalityLabel } from '../format';
import { useResultsI18n } from '../i18n';
import type { CompilationView, ItemDescription, PublicationView } from '../types';
import { releasable } from './CompilationsTable';
import { Link } from '../../router';
import { staffApi } from '../../workspace/api';

interface Props {
  surveyId: string;
  slug: string;
  /** The version shown on the page: what the form publishes. */
  version: number;
  /** Its items (from the preliminary results), or null while none are compiled. */
  items: ItemDescription[] | null;
  publication: PublicationView | null;
  /** This version's compilations: the municipalities to choose from, and which failed or are stale. */
  compilations: CompilationView[];
  onChange: (publication: PublicationView | null) => void;
  canPublish: boolean;
}

/** What residents see: the current publication, and (researchers, admins) the form to change it. */
export function PublicationPanel({ surveyId, slug, version, items, publication, compilations, onChange, canPublish }: Props) {
  const { lang, r } = useResultsI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await staffApi.withdraw(surveyId);
      onChange(null);
      setDone(r.withdrawnOk);
      setConfirming(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="publication" data-testid="publication">
      {publication ? (
        <div className="notice notice--success">
          <p className="notice__text" data-testid="publication-current">
            {r.publishedInfo(formatDay(publication.publishedOn, lang), publication.version, publication.questions.length)}
            {publication.municipalityCodes && (
              <>
                {' '}
                {r.publishedIn(
                  publication.municipalityCodes
                    .map((code) => {
                      const c = compilations.find((x) => x.municipality.code === code);
                      return c ? municipalityLabel(c.municipality, lang) : code;
                    })
                    .join(', '),
                )}
              </>
            )}
          </p>
          <p className="notice__text">
            <Link to={`/results/${encodeURIComponent(slug)}`}>{r.viewPublic}</Link>
          </p>
          {canPublish &&
            (confirming ? (
              <div className="confirm" role="group" aria-label={r.withdraw}>
                <p className="notice__text">{r.withdrawConfirm}</p>
                <div className="actions actions--row">
                  <button type="button" className="button button--danger" disabled={busy} onClick={withdraw} data-testid="withdraw-confirm">
                    {r.withdrawYes}
                  </button>
                  <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(false)}>
                    {r.keep}
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => setConfirming(true)} data-testid="withdraw">
                {r.withdraw}
              </button>
            ))}
        </div>
      ) : (
        <p className="notice" data-testid="not-published">
          {r.notPublished}
        </p>
      )}
      {error !== null && <ErrorBox error={error} />}
      {done && (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      )}
      <PublicationWarnings compilations={compilations} />
      {!canPublish && <p className="results-note">{r.publishOnlyResearchers}</p>}
      {canPublish && items && (
        <PublishForm
          // A new version or a new publication starts the ticks afresh.
          key={`${version}:${publication?.publishedOn ?? ''}:${publication?.questions.join() ?? ''}`}
          surveyId={surveyId}
          version={version}
          items={items}
          publication={publication}
          compilations={compilations}
          onPublished={(next) => {
            onChange(next);
            setDone(r.publishedOk);
          }}
        />
      )}
    </div>
  );
}

/** Before publishing: municipalities whose compile failed, or with enough new responses not yet released. */
function PublicationWarnings({ compilations }: { compilations: CompilationView[] }) {
  const { lang, r } = useResultsI18n();
  const names = (rows: CompilationView[]) => rows.map((c) => municipalityLabel(c.municipality, lang)).join(', ');
  const failed = compilations.filter((c) => c.status === 'failed');
  const stale = compilations.filter((c) => c.lastRelease !== null && releasable(c));
  return (
    <>
      {failed.length > 0 && (
        <p className="notice notice--warning" data-testid="warn-failed">
          {r.warnFailed(names(failed))}
        </p>
      )}
      {stale.length > 0 && (
        <p className="notice notice--warning" data-testid="warn-stale">
          {r.warnStale(names(stale))}
        </p>
      )}
    </>
  );
}

function PublishForm({
  surveyId,
  version,
  items,
  publication,
  compilations,
  onPublished,
}: {
  surveyId: string;
  version: number;
  items: ItemDescription[];
  publication: PublicationView | null;
  compilations: CompilationView[];
  onPublished: (publication: PublicationView) => void;
}) {
  const { lang, r } = useResultsI18n();
  const municipalities = compilations.map((c) => c.municipality);
  const [places, setPlaces] = useState<Set<string> | null>(() =>
    publication && publication.version === version && publication.municipalityCodes ? new Set(publication.municipalityCodes) : null,
  );
  const togglePlace = (code: string, on: boolean) => {
    const next = new Set(places ?? municipalities.map((m) => m.code));
    if (on) next.add(code);
    else next.delete(code);
    setPlaces(next.size === municipalities.length ? null : next);
  };
  const questions = groupByQuestion(items).map((q) => ({ name: q.question, title: itemTitle(q.items[0], lang) }));
  const [checked, setChecked] = useState<Set<string>>(
    () => new Set(publication && publication.version === version ? publication.questions : []),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [empty, setEmpty] = useState(false);
  const legendId = useId();

  const toggle = (name: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(name);
    else next.delete(name);
    setChecked(next);
    setEmpty(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (checked.size === 0) {
      setEmpty(true);
      return;
    }
    setBusy(true);
    try {
      // In survey order, whatever order they were ticked in.
      const chosen = questions.map((q) => q.name).filter((name) => checked.has(name));
      const where = places === null ? null : municipalities.map((m) => m.code).filter((code) => places.has(code));
      if (where && where.length === 0) {
        setEmpty(true);
        return;
      }
      onPublished(await staffApi.publish(surveyId, version, chosen, where));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form publish-form" onSubmit={submit} data-testid="publish-form">
      <fieldset className="fieldset" aria-describedby={empty ? `${legendId}-error` : undefined}>
        <legend id={legendId} className="fieldset__legend">
          {r.publishQuestions}
        </legend>
        <p className="field__hint">{r.publishIntro(version)}</p>
        {publication && publication.version !== version && <p className="field__hint">{r.publishedOtherVersion(publication.version)}</p>}
        <div className="actions actions--row actions--tight">
          <button type="button" className="button-link" onClick={() => setChecked(new Set(questions.map((q) => q.name)))}>
            {r.selectAll}
          </button>
          <button type="button" className="button-link" onClick={() => setChecked(new Set())}>
            {r.selectNone}
          </button>
        </div>
        <ul className="checklist">
          {questions.map((q) => (
            <li key={q.name}>
              <label className="checklist__item">
                <input
                  type="checkbox"
                  checked={checked.has(q.name)}
                  onChange={(event) => toggle(q.name, event.target.checked)}
                  data-testid={`publish-${q.name}`}
                />
                <span>
                  {q.title}
                  {q.title !== q.name && <span className="checklist__name"> ({q.name})</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {empty && (
          <p className="field__error" id={`${legendId}-error`} role="alert">
            {r.chooseAtLeastOne}
          </p>
        )}
      </fieldset>
      {municipalities.length > 1 && (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{r.publishMunicipalities}</legend>
          <ul className="checklist">
            <li>
              <label className="checklist__item">
                <input type="checkbox" checked={places === null} onChange={(event) => setPlaces(event.target.checked ? null : new Set())} />
                <span>{r.allMunicipalities}</span>
              </label>
            </li>
            {municipalities.map((m) => (
              <li key={m.code}>
                <label className="checklist__item">
                  <input
                    type="checkbox"
                    checked={places === null || places.has(m.code)}
                    onChange={(event) => togglePlace(m.code, event.target.checked)}
                    data-testid={`publish-in-${m.code}`}
                  />
                  <span>{municipalityLabel(m, lang)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {error !== null && <ErrorBox error={error} />}
      <button type="submit" className="button" disabled={busy} data-testid="publish">
        {busy ? r.publishing : publication ? r.updatePublication : r.publish}
      </button>
    </form>
  );
}
