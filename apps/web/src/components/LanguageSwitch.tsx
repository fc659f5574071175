import { LANGS, useI18n } from './i18n';

const LABELS = { lt: { short: 'LT', long: 'Lietuvių' }, en: { short: 'EN', long: 'English' } } as const;

export function LanguageSwitch() {
  const { lang, t, setLanguage } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t.languageLabel}>
      {LANGS.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="lang-switch__button"
          aria-pressed={lang === code}
          title={LABELS[code].long}
          data-testid={`lang-${code}`}
          onClick={() => setLanguage(code)}
        >
          {LABELS[code].short}
        </button>
      ))}
    </div>
  );
}
