import type { ConsentTerms, RetentionDays, WithdrawalPolicy } from '../study-view';

/**
 * The data classes a study keeps for a limited time, what each holds in this codebase and when its
 * clock starts (the README's "Studies" section says the same):
 * - contacts: names, e-mail addresses, phone numbers, organisations and check-in codes of people
 *   who signed up for the study's meetings (later: focus-group applicants), and the addresses and
 *   texts of the messages sent to them (receipts included). From the end of the meeting.
 * - free text: answers the respondent typed (text and comment questions, multiple text, "other"
 *   and comment boxes, typed-in choices, text cells of matrices and dynamic panels, and
 *   expressions, which may copy typed text) in responses
 *   under the study's consent. From the day the response was submitted (or last saved, if never).
 * - paradata: how a response was given, not what: the days it was started and last saved and the
 *   hash of its last request; afterwards the response keeps only its submission day. Same clock.
 * - exports: files made by the export feature (libs/exports), from their creation; that feature
 *   deletes them through `StudyRegistry.registerRetentionSweep` and reads `exports_days`.
 * Data is kept no longer than the consent version it was collected under said, nor than the study
 * says now (a shortened period applies to everything; a longer one only to data collected after).
 */
export const DATA_CLASSES = ['contacts', 'freeText', 'paradata', 'exports'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const MAX_RETENTION_DAYS = 3650;
export const MAX_EXPORT_RETENTION_DAYS = 365;

export const DEFAULT_RETENTION: RetentionDays = { contactsDays: 180, freeTextDays: 365, paradataDays: 90, exportsDays: 7 };
export const DEFAULT_WITHDRAWAL_POLICY: WithdrawalPolicy = 'delete';

export function sameTerms(a: ConsentTerms, b: ConsentTerms): boolean {
  return (
    a.contactsDays === b.contactsDays &&
    a.freeTextDays === b.freeTextDays &&
    a.paradataDays === b.paradataDays &&
    a.withdrawalPolicy === b.withdrawalPolicy
  );
}
