/**
 * The shape of compiled results as the API serves them (JSON). The web app imports these types
 * (apps/web/src/results/types.ts), so keep this file free of runtime code and server imports.
 */

/** A localized text as SurveyJS stores it: a plain string, or `{ default, lt, ... }`. */
export type LocalizedText = string | Record<string, string>;

/**
 * One published number. A suppressed cell is marked as such and carries no number at all: never 0,
 * so no reader (or chart) can mistake "too few to show" for "nobody".
 */
export type Cell = { count: number; suppressed: false } | { count: null; suppressed: true };

/** Mean and quartiles of a numeric or rating item; `null` where withheld (a group below k). */
export interface Stats {
  mean: number;
  median: number;
  q1: number;
  q3: number;
}

export interface ChoiceCount {
  value: string;
  count: Cell;
}

/** How one breakdown group (e.g. age band 30-44) answered one item. */
export interface GroupResult {
  /** The breakdown question's answer; `null` for respondents who did not state it. */
  value: string | null;
  answered: Cell;
  counts: ChoiceCount[];
  stats: Stats | null;
}

export interface BreakdownResult {
  breakdown: string;
  groups: GroupResult[];
}

/**
 * One item: a question, or one row of a matrix question (`question` + `row`).
 * `kind` choice: one answer per respondent (radiogroup, dropdown, rating, boolean, matrix row);
 * multiple: several (checkbox; counts add up to more than `answered`); numeric: no choice table,
 * only `stats` (a number entered by the respondent).
 */
export interface ItemResult {
  item: string;
  question: string;
  row: string | null;
  kind: 'choice' | 'multiple' | 'numeric';
  answered: Cell;
  /** Completed responses that left the item unanswered (it may have been hidden by their answers). */
  skipped: Cell;
  counts: ChoiceCount[];
  stats: Stats | null;
  breakdowns: BreakdownResult[];
}

export interface MunicipalityResults {
  code: string;
  nameLt: string;
  nameEn: string;
  /** Completed responses the results were compiled from. */
  responses: number;
  compiledAt: string;
  /** Fewer than k responses: no tables at all, only the number of responses. */
  belowThreshold: boolean;
  items: ItemResult[];
}

export interface ChoiceLabel {
  value: string;
  text: LocalizedText;
}

/** What a reader needs to label an item: titles, choice texts in survey order. */
export interface ItemDescription {
  item: string;
  question: string;
  row: string | null;
  kind: ItemResult['kind'];
  type: string;
  title: LocalizedText;
  /** The matrix row's text, for matrix items. */
  rowText: LocalizedText | null;
  choices: ChoiceLabel[];
}

export interface BreakdownDescription {
  name: string;
  title: LocalizedText;
  groups: ChoiceLabel[];
}

export interface ResultsDocument {
  survey: { id: string; slug: string; title: LocalizedText | null };
  version: number;
  /** The disclosure threshold the numbers were compiled with. */
  k: number;
  status: 'preliminary' | 'published';
  publishedAt: string | null;
  items: ItemDescription[];
  breakdowns: BreakdownDescription[];
  municipalities: MunicipalityResults[];
}

export type CompilationStatus = 'never' | 'queued' | 'running' | 'retrying' | 'done' | 'failed';

/** Where compiling one (survey version, municipality) stands; served to staff and researchers. */
export interface CompilationView {
  surveyVersionId: string;
  version: number;
  municipality: { code: string; nameLt: string; nameEn: string };
  status: CompilationStatus;
  /** 0-100 while running. */
  progress: number;
  /** Another compile was requested after this one started (new responses, a click); it will follow. */
  pending: boolean;
  attempt: number;
  lastError: string | null;
  requestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** Responses in the last compiled results, if any. */
  responses: number | null;
  compiledAt: string | null;
}

export interface PublicationView {
  version: number;
  questions: string[];
  publishedAt: string;
}

export interface PublishedSurveySummary {
  slug: string;
  title: LocalizedText | null;
  version: number;
  publishedAt: string;
  municipalities: { code: string; nameLt: string; nameEn: string }[];
}
