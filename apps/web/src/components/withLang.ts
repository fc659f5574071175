import type { Lang } from './i18n';

/** A download URL with the page's language: the server writes CSV headers in it (`?lang=lt|en`). */
export function withLang(url: string, lang: Lang): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;
}
