import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { formatMoment } from '../../components/i18n';
import { groupByQuestion, itemTitle } from '../format';
import { useResultsI18n } from '../i18n';
import type { ItemDescription, PublicationView } from '../types';
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
  onChange: (publication: PublicationView | null) => void;
  canPublish: boolean;
}

/** What residents see: the current publication, and (researchers, admins) the form to change it. */
export function PublicationPanel({ surveyId, slug, version, items, publication, onChange, canPublish }: Props) {
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
            {r.publishedInfo(formatMoment(publication.publishedAt, lang), publication.version, publication.questions.length)}
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
      {!canPublish && <p className="results-note">{r.publishOnlyResearchers}</p>}
      {canPublish && items && (
        <PublishForm
          // A new version or a new publication starts the ticks afresh.
          key={`${version}:${publication?.publishedAt ?? ''}`}
          surveyId={surveyId}
          version={version}
          items={items}
          publication={publication}
          onPublished={(next) => {
            onChange(next);
            setDone(r.publishedOk);
          }}
        />
      )}
    </div>
  );
}

function PublishForm({
  surveyId,
  version,
  items,
  publication,
  onPublished,
}: {
  surveyId: string;
  version: number;
  items: ItemDescription[];
  publication: PublicationView | null;
  onPublished: (publication: PublicationView) => void;
}) {
  const { lang, r } = useResultsI18n();
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
      onPublished(await staffApi.publish(surveyId, version, chosen));
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
      {error !== null && <ErrorBox error={error} />}
      <button type="submit" className="button" disabled={busy} data-testid="publish">
        {busy ? r.publishing : publication ? r.updatePublication : r.publish}
      </button>
    </form>
  );
}
