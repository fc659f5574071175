import { request } from '../components/request';
import type { PublishedSurveySummary, ResultsDocument } from './types';

const enc = encodeURIComponent;

/** Public (no sign-in) results: only what researchers have published. */
export const resultsApi = {
  published(): Promise<{ items: PublishedSurveySummary[] }> {
    return request('GET', '/api/public/results', { retries: 1 });
  },

  /** Every municipality with compiled results; the page picks one, and compares them all. */
  document(slug: string): Promise<ResultsDocument> {
    return request('GET', `/api/public/results/${enc(slug)}`, { retries: 1 });
  },

  csvUrl(slug: string): string {
    return `/api/public/results/${enc(slug)}/csv`;
  },
};
