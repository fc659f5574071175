import { useId } from 'react';
import { formatDay, localized } from '../components/i18n';
import { navigate, useLocation } from '../router';
import { CompareView } from './CompareView';
import { groupByQuestion, itemTitle, municipalityLabel, resultFor, rowTitle } from './format';
import { useResultsI18n } from './i18n';
import { ItemResults } from './ItemResults';
import { deeper, Heading, type Level } from './parts';
import type { ItemDescription, MunicipalityResults, ResultsDocument } from './types';
import { withLang } from '../components/withLang';

/**
 * What the reader picked lives in the URL (?municipality=, ?view=compare, ?by=, ?item=), so a view
 * can be linked to and survives a reload. Other parameters (the staff page's ?version=) are kept.
 */
function useParams() {
  const { pathname, search } = useLocation();
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    navigate(`${pathname}${query ? `?${query}` : ''}`, { replace: true });
  };
  return { search, set };
}

interface Props {
  doc: ResultsDocument;
  csvUrl: string;
  /** Level of the section headings: 2 on the results page, 3 inside the staff page. */
  level?: Level;
  /** Staff only: the questions of this version that are public, so each card can say whether it is. */
  publicQuestions?: ReadonlySet<string> | null;
}

/** The results of one survey version: pick a municipality, break down, or compare municipalities. */
export function ResultsView({ doc, csvUrl, level = 2, publicQuestions = null }: Props) {
  const { lang, r } = useResultsI18n();
  const { search, set } = useParams();
  const ids = { municipality: useId(), view: useId(), by: useId(), item: useId() };

  if (doc.municipalities.length === 0) {
    return <p className="notice">{r.noMunicipalities}</p>;
  }

  const municipality = doc.municipalities.find((m) => m.code === search.get('municipality')) ?? doc.municipalities[0];
  const compare = search.get('view') === 'compare';
  const breakdown = doc.breakdowns.find((b) => b.name === search.get('by')) ?? null;
  const compareItem = doc.items.find((i) => i.item === search.get('item')) ?? doc.items[0];
  const fullTitle = (item: ItemDescription) => (item.row ? `${itemTitle(item, lang)}: ${rowTitle(item, lang)}` : itemTitle(item, lang));

  return (
    <div className="results">
      <div className="results-controls">
        <div className="field segmented" role="group" aria-labelledby={ids.view}>
          <span id={ids.view} className="sr-only">
            {r.viewLabel}
          </span>
          <button type="button" className="segmented__button" aria-pressed={!compare} onClick={() => set({ view: null })}>
            {r.viewResults}
          </button>
          <button
            type="button"
            className="segmented__button"
            aria-pressed={compare}
            data-testid="compare-view"
            onClick={() => set({ view: 'compare' })}
          >
            {r.viewCompare}
          </button>
        </div>
        {!compare && (
          <div className="field">
            <label htmlFor={ids.municipality} className="field__label">
              {r.municipality}
            </label>
            <select
              id={ids.municipality}
              className="field__input"
              value={municipality.code}
              data-testid="results-municipality"
              onChange={(event) => set({ municipality: event.target.value })}
            >
              {doc.municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {municipalityLabel(m, lang)}
                </option>
              ))}
            </select>
          </div>
        )}
        {!compare && doc.breakdowns.length > 0 && (
          <div className="field">
            <label htmlFor={ids.by} className="field__label">
              {r.breakdownLabel}
            </label>
            <select
              id={ids.by}
              className="field__input"
              value={breakdown?.name ?? ''}
              data-testid="results-breakdown"
              onChange={(event) => set({ by: event.target.value })}
            >
              <option value="">{r.breakdownNone}</option>
              {doc.breakdowns.map((b) => (
                <option key={b.name} value={b.name}>
                  {localized(b.title, lang) || b.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {compare && compareItem && (
          <div className="field field--wide">
            <label htmlFor={ids.item} className="field__label">
              {r.compareItem}
            </label>
            <select
              id={ids.item}
              className="field__input"
              value={compareItem.item}
              onChange={(event) => set({ item: event.target.value })}
            >
              {doc.items.map((item) => (
                <option key={item.item} value={item.item}>
                  {fullTitle(item)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <p className="results-note">
        {r.suppressionNote(doc.k)} {r.noiseNote(doc.noiseBound)} {r.percentNote}
      </p>
      <p className="results-download">
        <a href={withLang(csvUrl, lang)} download className="button button--secondary button--small">
          {r.downloadCsv}
        </a>
      </p>

      {compare ? (
        compareItem && (
          <section aria-labelledby={`${ids.item}-title`}>
            <Heading level={level} id={`${ids.item}-title`} className="results__heading">
              {fullTitle(compareItem)}
            </Heading>
            <CompareView
              item={compareItem}
              municipalities={doc.municipalities}
              k={doc.k}
              level={deeper(level)}
              caption={fullTitle(compareItem)}
            />
          </section>
        )
      ) : (
        <MunicipalityView
          doc={doc}
          municipality={municipality}
          breakdownName={breakdown?.name ?? null}
          level={level}
          publicQuestions={publicQuestions}
        />
      )}
    </div>
  );
}

function MunicipalityView({
  doc,
  municipality,
  breakdownName,
  level,
  publicQuestions,
}: {
  doc: ResultsDocument;
  municipality: MunicipalityResults;
  breakdownName: string | null;
  level: Level;
  publicQuestions: ReadonlySet<string> | null;
}) {
  const { lang, r } = useResultsI18n();
  const breakdown = doc.breakdowns.find((b) => b.name === breakdownName) ?? null;
  const questions = groupByQuestion(doc.items.filter((item) => resultFor(municipality, item.item)));
  const itemLevel = deeper(level);
  const rowLevel = deeper(itemLevel);

  return (
    <section className="municipality-results" data-testid={`results-${municipality.code}`}>
      <Heading level={level} className="results__heading">
        {municipalityLabel(municipality, lang)}
      </Heading>
      <p className="results__meta">
        {municipality.responses === null ? r.responsesFewer(doc.k) : r.responses(municipality.responses)}
        {' · '}
        {r.releasedOn(formatDay(municipality.releasedOn, lang), municipality.release)}
      </p>
      {municipality.belowThreshold ? (
        <div className="notice notice--warning" data-testid="below-threshold">
          <p className="notice__title">{r.belowThresholdTitle}</p>
          <p className="notice__text">{r.belowThreshold(doc.k)}</p>
        </div>
      ) : municipality.tablesWithheld ? (
        <div className="notice notice--warning" data-testid="tables-withheld">
          <p className="notice__title">{r.tablesWithheldTitle}</p>
          <p className="notice__text">{r.tablesWithheld}</p>
        </div>
      ) : questions.length === 0 ? (
        <p className="notice">{r.noItems}</p>
      ) : (
        questions.map(({ question, items }) => {
          const first = items[0];
          const matrix = items.some((item) => item.row !== null);
          return (
            <section key={question} className="result-card" data-testid={`item-${question}`}>
              <Heading level={itemLevel} className="result-card__title">
                {itemTitle(first, lang)}
              </Heading>
              {publicQuestions && (
                <p className="result-card__visibility">
                  <span className={publicQuestions.has(question) ? 'badge badge--public' : 'badge'}>
                    {publicQuestions.has(question) ? r.questionPublic : r.questionNotPublic}
                  </span>
                </p>
              )}
              {items.map((item) => {
                const result = resultFor(municipality, item.item)!;
                const caption = matrix ? `${itemTitle(item, lang)}: ${rowTitle(item, lang)}` : itemTitle(item, lang);
                return (
                  <div key={item.item} className={matrix ? 'result-card__row' : undefined}>
                    {matrix && (
                      <Heading level={rowLevel} className="result-card__row-title">
                        {rowTitle(item, lang)}
                      </Heading>
                    )}
                    <ItemResults item={item} result={result} k={doc.k} breakdown={breakdown} caption={caption} />
                  </div>
                );
              })}
            </section>
          );
        })
      )}
    </section>
  );
}
