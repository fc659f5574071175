import { api, type ResponseStatus, type SavedResponse, type SaveResponseBody } from '../api';
import { ApiError } from '../../components/request';
import { saveProgress, type Progress } from '../../components/storage';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: unknown };

export interface Snapshot {
  answers: Record<string, unknown>;
  language: string;
  pageNo: number;
}

interface Options {
  surveyId: string;
  municipalityCode: string;
  versionId: string;
  invitationToken: string | null;
  /** The study consent version agreed to; null outside studies. */
  consentVersionId: string | null;
  progress: Progress;
  snapshot: () => Snapshot;
  onChange: (progress: Progress, state: SaveState) => void;
}

const DEBOUNCE_MS = 1500;

/** A random v4 UUID. `crypto.randomUUID` exists only on https and localhost pages. */
export function newResponseId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Keeps one response saved on the device and the server while the resident answers.
 *
 * Saves go out one at a time: the first save is what returns the resume token, and every later
 * save of the same response must carry it, so two saves in flight could race into a 409.
 */
export class ResponseSaver {
  private progress: Progress;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private dirty = false;
  private lastSent: string | null = null;
  /** Set once completion starts: a late autosave must not follow the final answers. */
  private finishing = false;
  /** Submitted: from now on the page owns the stored record (it keeps only a "done" marker). */
  private done = false;

  constructor(private readonly options: Options) {
    this.progress = options.progress;
  }

  get current(): Progress {
    return this.progress;
  }

  /** An answer or page changed: keep it on the device now, send it after a pause in typing. */
  changed(): void {
    this.remember();
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  /** Sends pending changes now (page change, tab hidden, back online). */
  flush(options: { keepalive?: boolean } = {}): Promise<unknown> {
    clearTimeout(this.timer);
    this.remember();
    if (!this.dirty || this.finishing) return this.queue;
    return this.enqueue('partial', options).catch(() => undefined);
  }

  /** The final save. Rejects with the server's refusal so the survey can stay open to fix it. */
  async complete(): Promise<SavedResponse> {
    clearTimeout(this.timer);
    this.remember();
    this.finishing = true;
    try {
      const saved = await this.enqueue('complete', {});
      if (!saved) throw new Error('not sent');
      this.done = true;
      return saved;
    } catch (error) {
      this.finishing = false;
      throw error;
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private remember(): void {
    if (this.done) return;
    const { answers, pageNo } = this.options.snapshot();
    this.setProgress({ ...this.progress, answers, pageNo });
  }

  private setProgress(progress: Progress): void {
    this.progress = progress;
    saveProgress(this.options.surveyId, this.options.municipalityCode, progress);
  }

  private enqueue(status: ResponseStatus, options: { keepalive?: boolean }): Promise<SavedResponse | null> {
    const run = this.queue.then(() => this.send(status, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async send(status: ResponseStatus, options: { keepalive?: boolean }): Promise<SavedResponse | null> {
    if (status === 'partial' && this.finishing) return null;
    const { answers, language } = this.options.snapshot();
    const body: SaveResponseBody = {
      surveyVersionId: this.options.versionId,
      municipalityCode: this.options.municipalityCode,
      language,
      answers,
      status,
      ...(this.options.invitationToken ? { invitationToken: this.options.invitationToken } : {}),
      ...(this.options.consentVersionId ? { consent: { versionId: this.options.consentVersionId, agreed: true as const } } : {}),
    };
    const fingerprint = JSON.stringify([this.progress.responseId, body]);
    this.dirty = false;
    if (status === 'partial' && fingerprint === this.lastSent) return null;

    this.options.onChange(this.progress, { kind: 'saving' });
    try {
      const saved = await this.put(body, options);
      this.lastSent = fingerprint;
      this.setProgress({ ...this.progress, resumeToken: saved.resumeToken });
      this.options.onChange(this.progress, { kind: 'saved' });
      return saved;
    } catch (error) {
      // Unsaved changes stay dirty, so the next change or flush tries again.
      this.dirty = true;
      this.options.onChange(this.progress, { kind: 'failed', error });
      if (status === 'complete') throw error;
      return null;
    }
  }

  private async put(body: SaveResponseBody, options: { keepalive?: boolean }): Promise<SavedResponse> {
    try {
      return await api.saveResponse(this.progress.responseId, body, this.progress.resumeToken, options);
    } catch (error) {
      // Without a token, this id is taken when our first save reached the server but its answer
      // was lost (the token cannot be recovered), or, very unlikely, by someone else. Either way
      // the answers are all here: carry on under a fresh id.
      if (error instanceof ApiError && error.code === 'RESPONSE_ID_TAKEN' && !this.progress.resumeToken) {
        this.setProgress({ ...this.progress, responseId: newResponseId() });
        return api.saveResponse(this.progress.responseId, body, undefined, options);
      }
      throw error;
    }
  }
}
