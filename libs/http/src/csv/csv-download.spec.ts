import fc from 'fast-check';
import { contentDisposition, csvLanguageOf, formulaSafe, vilniusDate, vilniusDateTime } from './csv-download';

describe('CSV downloads', () => {
  it('names files in ASCII and in UTF-8', () => {
    expect(contentDisposition('signups-birzai-2026-12-12.csv')).toBe(
      `attachment; filename="signups-birzai-2026-12-12.csv"; filename*=UTF-8''signups-birzai-2026-12-12.csv`,
    );
    expect(contentDisposition('rezultatai-Biržai ąžuolas.csv')).toBe(
      `attachment; filename="rezultatai-Birzai-azuolas.csv"; filename*=UTF-8''rezultatai-Bir%C5%BEai%20%C4%85%C5%BEuolas.csv`,
    );
    fc.assert(fc.property(fc.string(), (name) => {
      const header = contentDisposition(name);
      const ascii = /filename="([^"]*)"/.exec(header)![1];
      expect(ascii).toMatch(/^[A-Za-z0-9._-]*$/);
      expect(decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(header)![1])).toBe(name);
    }));
  });

  it('takes ?lang first, then the best of lt/en in Accept-Language, else English; refuses another lang', () => {
    expect(csvLanguageOf('lt', 'en')).toBe('lt');
    expect(csvLanguageOf(undefined, 'lt-LT,lt;q=0.9,en;q=0.8')).toBe('lt');
    expect(csvLanguageOf(undefined, 'de-DE, en;q=0.5, lt;q=0.7')).toBe('lt');
    expect(csvLanguageOf(undefined, 'en-GB')).toBe('en');
    expect(csvLanguageOf(undefined, 'lt;q=0')).toBe('en');
    expect(csvLanguageOf(undefined, undefined)).toBe('en');
    expect(() => csvLanguageOf('de', undefined)).toThrow();
  });

  it('writes Vilnius local time, across the daylight-saving change', () => {
    expect(vilniusDateTime(new Date('2026-12-12T15:00:00Z'))).toBe('2026-12-12 17:00');
    expect(vilniusDateTime(new Date('2026-07-01T21:30:00Z'))).toBe('2026-07-02 00:30');
    expect(vilniusDate(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
  });

  it('defuses formulas', () => {
    for (const typed of ['=1+1', '+370', '-2', '@SUM(A1)', '\tx', '\rx']) expect(formulaSafe(typed).startsWith("'")).toBe(true);
    expect(formulaSafe('Ona')).toBe('Ona');
    expect(formulaSafe(null)).toBe('');
  });
});
