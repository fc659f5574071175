import type { EntityManager } from 'typeorm';
import type { ConsentTerms, ConsentVersionView } from '../study-view';
import { termsText } from './consent-terms';

/** One consent version as the workspace sees it; `cv` is the version, joined to its author. */
export const CONSENT_VERSION_SQL = `
  SELECT cv.id, cv.version, cv.text_lt AS "textLt", cv.text_en AS "textEn",
         json_build_object('contactsDays', cv.contacts_days, 'freeTextDays', cv.free_text_days,
                           'paradataDays', cv.paradata_days, 'withdrawalPolicy', cv.withdrawal_policy) AS terms,
         cv.created_at AS "createdAt", a.email AS "createdBy"
    FROM consent_version cv LEFT JOIN account a ON a.id = cv.created_by`;

type StoredVersion = Omit<ConsentVersionView, 'termsTextLt' | 'termsTextEn'>;

export const withTermsText = <T extends { terms: ConsentTerms }>(version: T) => ({
  ...version,
  termsTextLt: termsText(version.terms, 'lt'),
  termsTextEn: termsText(version.terms, 'en'),
});

export async function consentVersions(db: EntityManager, studyId: string): Promise<ConsentVersionView[]> {
  const rows: StoredVersion[] = await db.query(`${CONSENT_VERSION_SQL} WHERE cv.study_id = $1 ORDER BY cv.version DESC`, [studyId]);
  return rows.map(withTermsText);
}

export async function consentVersion(db: EntityManager, id: string): Promise<ConsentVersionView | null> {
  const [row]: StoredVersion[] = await db.query(`${CONSENT_VERSION_SQL} WHERE cv.id = $1`, [id]);
  return row ? withTermsText(row) : null;
}

/**
 * Writes the study's next consent version (texts and the terms it states) and makes it current.
 * The caller holds the study's row lock (StudyAccess.lockForChange), which responses and sign-ups
 * under the study wait for: none of them commits under the old version after this one commits.
 */
export async function insertConsentVersion(
  tx: EntityManager,
  studyId: string,
  texts: { textLt: string; textEn: string },
  terms: ConsentTerms,
  accountId: string | null,
): Promise<{ id: string; version: number }> {
  const [row]: { id: string; version: number }[] = await tx.query(
    `INSERT INTO consent_version (study_id, version, text_lt, text_en, contacts_days, free_text_days, paradata_days, withdrawal_policy, created_by)
     SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8 FROM consent_version WHERE study_id = $1
     RETURNING id, version`,
    [studyId, texts.textLt, texts.textEn, terms.contactsDays, terms.freeTextDays, terms.paradataDays, terms.withdrawalPolicy, accountId],
  );
  await tx.query(`UPDATE study SET current_consent_version_id = $2, updated_at = now() WHERE id = $1`, [studyId, row.id]);
  return row;
}
