import type { QuasiIdentifierSource } from '../study-view';

/**
 * The smallest k a study may declare: exported microdata is released to named researchers, so the
 * bar sits at the published results' default k (5), not at their technical minimum of 2.
 */
export const PLATFORM_MIN_K = 5;
export const MAX_K = 100;

/** Not a question: every response records its municipality. */
export const MUNICIPALITY = 'municipality';

/** The quasi-identifiers of a new study: what the shipped resident survey breaks its results down by, and where. */
export const DEFAULT_QUASI_IDENTIFIERS = [MUNICIPALITY, 'age_band', 'gender', 'settlement_type'];

export const QUASI_IDENTIFIER_NAME = /^[a-z][a-z0-9_]{0,39}$/;

export interface InstrumentQuestions {
  /** The survey's declared breakdown questions (survey.breakdowns). */
  breakdowns: string[];
  /** Every question name of its current published version. */
  questions: Set<string>;
  /** Set by a researcher for this instrument: quasi-identifier -> question. */
  explicit: Record<string, string>;
}

/**
 * Where each quasi-identifier comes from in one instrument, in this order: a question a researcher
 * chose; else the survey's breakdown of the same name (how surveys declare their grouping
 * questions: the shipped survey's are age_band, gender and settlement_type); else a question of
 * that name; else unmapped, which the study page shows so an export never misses one silently.
 */
export function resolveQuasiIdentifiers(quasiIdentifiers: string[], instrument: InstrumentQuestions): QuasiIdentifierSource[] {
  return quasiIdentifiers.map((quasiIdentifier): QuasiIdentifierSource => {
    if (quasiIdentifier === MUNICIPALITY) return { quasiIdentifier, source: 'municipality' };
    const chosen = instrument.explicit[quasiIdentifier];
    if (chosen && instrument.questions.has(chosen)) return { quasiIdentifier, source: 'question', question: chosen, how: 'set' };
    if (instrument.breakdowns.includes(quasiIdentifier) && instrument.questions.has(quasiIdentifier)) {
      return { quasiIdentifier, source: 'question', question: quasiIdentifier, how: 'breakdown' };
    }
    if (instrument.questions.has(quasiIdentifier))
      return { quasiIdentifier, source: 'question', question: quasiIdentifier, how: 'same_name' };
    return { quasiIdentifier, source: 'unmapped' };
  });
}
