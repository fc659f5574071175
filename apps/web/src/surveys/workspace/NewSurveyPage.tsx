import { useId, useState, type FormEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { municipalityName } from '../../components/i18n';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';
import { Link, navigate } from '../../router';
import { api } from '../api';
import { StaffFrame } from '../../workspace/StaffFrame';
import type { Account } from '../../workspace/api';
import { surveysApi, type AccessMode } from './api';
import { DefinitionInput, type ParsedDefinition } from './DefinitionInput';
import { ProblemDetails } from './ProblemDetails';
import { useSurveysWorkspaceI18n } from './i18n';

export default function NewSurveyPage() {
  const { w } = useSurveysWorkspaceI18n();
  useTitle(w.importTitle);
  return <StaffFrame>{(account) => <NewSurveyForm account={account} />}</StaffFrame>;
}

const SLUG = /^[a-z0-9-]+$/;

function NewSurveyForm({ account }: { account: Account }) {
  const { lang, w } = useSurveysWorkspaceI18n();
  const id = useId();
  const list = useLoad('municipalities', () => api.municipalities());
  const all = list.state === 'ready' ? list.data : [];
  const codes = account.role === 'staff' ? account.municipalityCodes : all.map((m) => m.code);

  const [parsed, setParsed] = useState<ParsedDefinition | null>(null);
  const [slug, setSlug] = useState('');
  const [municipalities, setMunicipalities] = useState<string[]>([]);
  const [languages, setLanguages] = useState<string[]>(['lt', 'en']);
  const [accessMode, setAccessMode] = useState<AccessMode>('public');
  const [anonymous, setAnonymous] = useState(true);
  const [k, setK] = useState('5');
  const [breakdowns, setBreakdowns] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // A platform file brings its own settings: take them as the starting point.
  const takeParsed = (next: ParsedDefinition | null) => {
    setParsed(next);
    if (next?.slug && !slug) setSlug(next.slug);
    if (next?.languages) setLanguages(next.languages);
    if (next?.breakdowns) setBreakdowns(next.breakdowns.join(', '));
    if (next?.disclosureK) setK(String(next.disclosureK));
  };

  const toggle = (values: string[], value: string) => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!parsed) found.definition = w.required;
    if (!SLUG.test(slug)) found.slug = w.slugHint;
    if (!municipalities.length) found.municipalities = w.chooseOne;
    if (!languages.length) found.languages = w.chooseOne;
    const kValue = Number(k);
    if (!Number.isInteger(kValue) || kValue < 2 || kValue > 100) found.k = w.kHint;
    setProblems(found);
    if (Object.keys(found).length || !parsed) return;
    setBusy(true);
    setError(null);
    try {
      const created = await surveysApi.create({
        slug,
        definition: parsed.definition,
        accessMode,
        anonymous,
        languages,
        breakdowns: breakdowns.split(',').map((b) => b.trim()).filter(Boolean),
        disclosureK: kValue,
        municipalityCodes: municipalities,
      });
      navigate(`/staff/surveys/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/staff/surveys">{w.backToSurveys}</Link>
      </p>
      <h1 className="page-title">{w.importTitle}</h1>
      <p className="lead">{w.importIntro}</p>
      <form className="form form--wide" onSubmit={submit} noValidate data-testid="new-survey">
        <DefinitionInput onChange={takeParsed} error={problems.definition} />
        <div className="field">
          <label htmlFor={`${id}-slug`} className="field__label">
            {w.slug}
          </label>
          <input id={`${id}-slug`} className="field__input" value={slug} onChange={(e) => setSlug(e.target.value.trim())} data-testid="survey-slug" />
          <p className="field__hint">{w.slugHint}</p>
          {problems.slug && <p className="field__error">{problems.slug}</p>}
        </div>
        <fieldset className="field">
          <legend className="field__label">{w.municipalities}</legend>
          {codes.map((code) => (
            <label key={code} className="choice">
              <input
                type="checkbox"
                checked={municipalities.includes(code)}
                onChange={() => setMunicipalities(toggle(municipalities, code))}
                data-testid={`survey-municipality-${code}`}
              />{' '}
              {municipalityName(all, code, lang)}
            </label>
          ))}
          {problems.municipalities && <p className="field__error">{problems.municipalities}</p>}
        </fieldset>
        <fieldset className="field">
          <legend className="field__label">{w.languages}</legend>
          {['lt', 'en'].map((language) => (
            <label key={language} className="choice">
              <input type="checkbox" checked={languages.includes(language)} onChange={() => setLanguages(toggle(languages, language))} />{' '}
              {language.toUpperCase()}
            </label>
          ))}
          {problems.languages && <p className="field__error">{problems.languages}</p>}
        </fieldset>
        <fieldset className="field">
          <legend className="field__label">{w.accessMode}</legend>
          <label className="choice">
            <input type="radio" name={`${id}-access`} checked={accessMode === 'public'} onChange={() => setAccessMode('public')} /> {w.accessPublic}
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-access`}
              checked={accessMode === 'invitation'}
              onChange={() => setAccessMode('invitation')}
              data-testid="access-invitation"
            />{' '}
            {w.accessInvitation}
          </label>
        </fieldset>
        <fieldset className="field">
          <legend className="field__label">{w.anonymity}</legend>
          <label className="choice">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {w.anonymous}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-k`} className="field__label">
            {w.k}
          </label>
          <input id={`${id}-k`} className="field__input field__input--short" type="number" min={2} max={100} value={k} onChange={(e) => setK(e.target.value)} />
          <p className="field__hint">{w.kHint}</p>
          {problems.k && <p className="field__error">{problems.k}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-breakdowns`} className="field__label">
            {w.breakdowns}
          </label>
          <input id={`${id}-breakdowns`} className="field__input" value={breakdowns} onChange={(e) => setBreakdowns(e.target.value)} />
        </div>
        {error !== null && (
          <>
            <ErrorBox error={error} />
            <ProblemDetails error={error} />
          </>
        )}
        <button type="submit" className="button" disabled={busy} data-testid="create-survey">
          {busy ? w.creating : w.create}
        </button>
      </form>
    </>
  );
}
