import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from './i18n';
import { Link } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

/** Results and the staff area hold tables and charts: they may use a wider column on a desktop. */
const WIDE = /^\/(results|staff|dev)(\/|$)/;

export function Layout({ pathname, children }: { pathname: string; children: ReactNode }) {
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After client-side navigation, move focus to the new content so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  const wide = WIDE.test(pathname);

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="topbar">
        <div className={wide ? 'topbar__inner topbar__inner--wide' : 'topbar__inner'}>
          <Link to="/" className="brand">
            <img className="brand__logo" src="/favicon.svg" alt="" width="28" height="28" />
            <span className="brand__name">{t.appName}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={wide ? 'page page--wide' : 'page'}>
        {children}
      </main>
    </>
  );
}
