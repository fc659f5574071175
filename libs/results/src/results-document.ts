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

/**
 * One municipality's figures as of its latest release. Counts are perturbed (cell-key method,
 * at most +-2) and those below k are withheld; dates, never times.
 */
export interface MunicipalityResults {
  code: string;
  nameLt: string;
  nameEn: string;
  /** Completed responses (perturbed); null when fewer than k. */
  responses: number | null;
  /** The release these figures come from (1, 2, ...) and its day, YYYY-MM-DD. */
  release: number;
  releasedOn: string;
  /** Fewer than k responses: no tables at all, and no exact count. */
  belowThreshold: boolean;
  /** The auditor could not make the tables safe, so none are shown (the response count may be). */
  tablesWithheld: boolean;
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
  /** The disclosure threshold: no count below it is shown. */
  k: number;
  /** Means and quartiles are shown only for at least this many answers. */
  statsThreshold: number;
  /** Largest noise added to or taken from a count. */
  noiseBound: number;
  status: 'preliminary' | 'published';
  /** The day the researcher published (YYYY-MM-DD). */
  publishedOn: string | null;
  items: ItemDescription[];
  breakdowns: BreakdownDescription[];
  municipalities: MunicipalityResults[];
}

export type CompilationStatus = 'never' | 'queued' | 'running' | 'retrying' | 'done' | 'failed';

/** What the auditor did on the last compile (see libs/results/src/disclosure/release-audit.ts). */
export interface AuditFigures {
  cellsChecked: number;
  solves: number;
  exposed: number;
  rounds: number;
  withheldMore: number;
  millis: number;
  tablesWithheld: boolean;
}

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
  /** A code (VERSION_NOT_PUBLISHED, DATA_ERROR, DATABASE_UNAVAILABLE, DATABASE_ERROR, INTERNAL_ERROR) the page translates. */
  lastError: string | null;
  requestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** The auditor's figures for the prepared (next) release. */
  audit: AuditFigures | null;
  /** A release was asked for and waits for this compile. */
  releaseWanted: boolean;
  /** What the last release request did here: new figures, or kept the old ones (too few new responses). */
  releaseOutcome: 'released' | 'too_few_new' | null;
  /** The latest release shown here, if any. */
  lastRelease: { number: number; releasedOn: string } | null;
  /** Completed responses since that release (all of them before the first), and how many a release needs. */
  newResponses: number;
  releaseNeeds: number;
  /** Days with far more completed responses than this municipality's usual (possible padding). */
  burstDays: string[];
}

export interface PublicationView {
  version: number;
  questions: string[];
  /** Codes of the municipalities published; null = all. */
  municipalityCodes: string[] | null;
  publishedOn: string;
}

export interface PublishedSurveySummary {
  slug: string;
  title: LocalizedText | null;
  version: number;
  publishedOn: string;
  municipalities: { code: string; nameLt: string; nameEn: string }[];
}
