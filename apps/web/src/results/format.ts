import { localized, type Lang } from '../components/i18n';
import type { ResultsDict } from './i18n';
import type {
  BreakdownDescription,
  Cell,
  ChoiceCount,
  ItemDescription,
  MunicipalityResults,
  PublishedSurveySummary,
} from './types';

const LOCALES: Record<Lang, string> = { lt: 'lt-LT', en: 'en-GB' };

/** A share of 0-100, e.g. "42 %" (lt) or "42%" (en); small shares keep a decimal so they never read as 0. */
export function formatPercent(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'percent',
    maximumFractionDigits: value > 0 && value < 10 ? 1 : 0,
  }).format(value / 100);
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(value);
}

/** A published count, or the "fewer than k" marker: a suppressed cell is never shown as a number. */
export function cellText(cell: Cell, k: number, lang: Lang, r: ResultsDict): string {
  return cell.suppressed ? r.fewerThan(k) : formatNumber(cell.count, lang);
}

/**
 * The share of `count` among `answered`, or null when either is withheld: percentages of a group
 * are only shown when the group's own number of answers is shown.
 */
export function percentOf(count: Cell, answered: Cell): number | null {
  if (count.suppressed || answered.suppressed || answered.count === 0) return null;
  return (count.count / answered.count) * 100;
}

export function municipalityLabel(m: { nameLt: string; nameEn: string; code: string }, lang: Lang): string {
  return (lang === 'lt' ? m.nameLt : m.nameEn) || m.nameLt || m.code;
}

export function surveyTitle(survey: Pick<PublishedSurveySummary, 'title' | 'slug'>, lang: Lang): string {
  return localized(survey.title, lang) || survey.slug;
}

export function itemTitle(item: ItemDescription, lang: Lang): string {
  return localized(item.title, lang) || item.question;
}

export function rowTitle(item: ItemDescription, lang: Lang): string {
  return localized(item.rowText, lang) || item.row || '';
}

/** The choice's text in the current language; booleans and unknown values still read sensibly. */
export function choiceLabel(item: ItemDescription, value: string, lang: Lang, r: ResultsDict): string {
  const choice = item.choices.find((c) => c.value === value);
  const text = choice ? localized(choice.text, lang) : '';
  if (text) return text;
  if (value === 'true') return r.yes;
  if (value === 'false') return r.no;
  return value;
}

/**
 * The item's choices in survey order, then any value the counts hold that the description does not
 * list (so nothing counted is silently dropped).
 */
export function orderedCounts(item: ItemDescription, counts: ChoiceCount[]): { value: string; count: Cell | null }[] {
  const byValue = new Map(counts.map((c) => [c.value, c.count]));
  const rows: { value: string; count: Cell | null }[] = item.choices.map((c) => ({ value: c.value, count: byValue.get(c.value) ?? null }));
  for (const c of counts) if (!item.choices.some((choice) => choice.value === c.value)) rows.push({ value: c.value, count: c.count });
  return rows;
}

export function groupLabel(breakdown: BreakdownDescription | undefined, value: string | null, lang: Lang, r: ResultsDict): string {
  if (value === null) return r.notStated;
  const group = breakdown?.groups.find((g) => g.value === value);
  return (group && localized(group.text, lang)) || value;
}

/** Group results in the order the breakdown lists its groups; "not stated" last. */
export function orderGroups<T extends { value: string | null }>(breakdown: BreakdownDescription | undefined, groups: T[]): T[] {
  const order = new Map(breakdown?.groups.map((g, i) => [g.value, i]) ?? []);
  const rank = (g: T) => (g.value === null ? Number.MAX_SAFE_INTEGER : order.get(g.value) ?? Number.MAX_SAFE_INTEGER - 1);
  return [...groups].sort((a, b) => rank(a) - rank(b));
}

export function resultFor(municipality: MunicipalityResults, item: string) {
  return municipality.items.find((i) => i.item === item);
}

/** Consecutive items of one question (the rows of a matrix) are shown together under its title. */
export function groupByQuestion(items: ItemDescription[]): { question: string; items: ItemDescription[] }[] {
  const groups: { question: string; items: ItemDescription[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.question === item.question) last.items.push(item);
    else groups.push({ question: item.question, items: [item] });
  }
  return groups;
}
