/**
 * The SQLSTATEs the study consent triggers raise (class "SC", not one PostgreSQL uses), so the
 * services that write responses and sign-ups turn them into clear 400/409 answers. DETAIL carries
 * the current consent version number (or the study's status for `notActive`).
 */
export const STUDY_CONSENT_SQLSTATE = {
  /** A response or sign-up under a study without a consent version. */
  missing: 'SC001',
  /** A consent version that is not the study's current one. */
  notCurrent: 'SC002',
  /** The study is not active: its instruments and meetings take nothing. */
  notActive: 'SC003',
  /** A consent version given to a survey or meeting that is not part of any study. */
  notApplicable: 'SC004',
} as const;
