import type { Lang } from './i18n';

/**
 * Browser storage with every access guarded: private browsing modes and full quotas throw, and
 * a resident must still be able to answer (they just lose "resume on this device").
 */
const PREFIX = 'gb:';

function read<T>(store: () => Storage, key: string): T | null {
  try {
    const raw = store().getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

function write(store: () => Storage, key: string, value: unknown): void {
  try {
    if (value === null) store().removeItem(PREFIX + key);
    else store().setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage unavailable or full: progress then lives only in memory and on the server.
  }
}

const local = () => window.localStorage;
const session = () => window.sessionStorage;

export function loadLanguage(): Lang | null {
  const lang = read<string>(local, 'lang');
  return lang === 'lt' || lang === 'en' ? lang : null;
}

export function saveLanguage(lang: Lang): void {
  write(local, 'lang', lang);
}

/** One in-progress response per survey and municipality on this device. */
export interface Progress {
  /** Generated here, so a retried save can never create a second response. */
  responseId: string;
  /** The version answered; a response cannot move to a newer one, so resuming keeps it. */
  versionId: string;
  resumeToken?: string;
  /** null: not known (e.g. resumed from another device), pick from the answers. */
  pageNo: number | null;
  /** A local copy, so edits made while offline survive a reload. Dropped once submitted. */
  answers: Record<string, unknown>;
  submitted?: { on: string | null };
  /** The study consent version this resident agreed to (study instruments only); every save carries it. */
  consentVersionId?: string;
}

const progressKey = (surveyId: string, municipalityCode: string) => `progress:${surveyId}:${municipalityCode}`;

export function loadProgress(surveyId: string, municipalityCode: string): Progress | null {
  const value = read<Progress>(local, progressKey(surveyId, municipalityCode));
  return value && typeof value.responseId === 'string' ? value : null;
}

export function saveProgress(surveyId: string, municipalityCode: string, progress: Progress | null): void {
  write(local, progressKey(surveyId, municipalityCode), progress);
}

/**
 * Invitation tokens live only for this tab's session: they are single-use secrets and a shared
 * device should not keep them.
 */
export function loadInvitation(surveyId: string): string | null {
  return read<string>(session, `invitation:${surveyId}`);
}

export function saveInvitation(surveyId: string, token: string | null): void {
  write(session, `invitation:${surveyId}`, token);
}
