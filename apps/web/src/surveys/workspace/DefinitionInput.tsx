import { useId, useState, type ChangeEvent } from 'react';
import { useSurveysWorkspaceI18n } from './i18n';

/** What an uploaded or pasted file gave: the SurveyJS definition, and a platform file's settings. */
export interface ParsedDefinition {
  definition: Record<string, unknown>;
  slug?: string;
  languages?: string[];
  breakdowns?: string[];
  disclosureK?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Accepts a bare SurveyJS definition or a platform survey file (surveys/*.json: slug, languages,
 * breakdowns, disclosureK, definition). Returns a problem key when it is neither.
 */
export function parseDefinitionText(text: string): ParsedDefinition | 'notJson' | 'notDefinition' {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'notJson';
  }
  if (!isObject(parsed)) return 'notDefinition';
  const looksLikeDefinition = (value: Record<string, unknown>) => Array.isArray(value.pages) || Array.isArray(value.elements);
  if (isObject(parsed.definition) && looksLikeDefinition(parsed.definition)) {
    const strings = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value) : undefined);
    return {
      definition: parsed.definition,
      slug: typeof parsed.slug === 'string' ? parsed.slug : undefined,
      languages: strings(parsed.languages),
      breakdowns: strings(parsed.breakdowns),
      disclosureK: typeof parsed.disclosureK === 'number' ? parsed.disclosureK : undefined,
    };
  }
  return looksLikeDefinition(parsed) ? { definition: parsed } : 'notDefinition';
}

/** A file picker and a paste box; whichever was used last gives the definition. */
export function DefinitionInput({ onChange, error }: { onChange: (parsed: ParsedDefinition | null) => void; error?: string }) {
  const { w } = useSurveysWorkspaceI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<'notJson' | 'notDefinition' | null>(null);

  const take = (value: string) => {
    setText(value);
    if (!value.trim()) {
      setProblem(null);
      onChange(null);
      return;
    }
    const parsed = parseDefinitionText(value);
    if (typeof parsed === 'string') {
      setProblem(parsed);
      onChange(null);
    } else {
      setProblem(null);
      onChange(parsed);
    }
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) take(await file.text());
  };

  const shown = problem ? w[problem] : error;
  return (
    <div className="field">
      <label htmlFor={`${id}-file`} className="field__label">
        {w.file}
      </label>
      <input id={`${id}-file`} type="file" accept="application/json,.json" onChange={upload} data-testid="definition-file" />
      <label htmlFor={`${id}-text`} className="field__label">
        {w.paste}
      </label>
      <textarea
        id={`${id}-text`}
        className="field__input field__input--area field__input--code"
        rows={8}
        value={text}
        onChange={(event) => take(event.target.value)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        data-testid="definition-text"
      />
      {shown && (
        <p id={`${id}-error`} className="field__error" data-testid="definition-error">
          {shown}
        </p>
      )}
    </div>
  );
}
