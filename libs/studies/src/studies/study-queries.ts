import type { EntityManager } from 'typeorm';
import { StudyAccess } from '../access/study-access';
import { consentVersion } from '../consent/consent-queries';
import { resolveQuasiIdentifiers } from '../policy/anonymisation';
import { questionNames } from '../policy/definition-questions';
import type { StudyInstrumentView, StudyMeetingView, StudySummary, StudyView } from '../study-view';

/** The study's own columns and sets; `$1..$3` are the caller's access params (StudyAccess). */
const STUDY_SQL = `
  SELECT st.id, st.title_lt AS "titleLt", st.title_en AS "titleEn", st.purpose_lt AS "purposeLt", st.purpose_en AS "purposeEn",
         st.status, json_build_object('committee', st.ethics_committee, 'reference', st.ethics_reference,
                                      'approvedOn', st.ethics_approved_on::text) AS ethics,
         (SELECT COALESCE(array_agg(m.code ORDER BY m.code), '{}') FROM study_municipality sm
            JOIN municipality m ON m.id = sm.municipality_id WHERE sm.study_id = st.id) AS "municipalityCodes",
         (SELECT COALESCE(json_agg(json_build_object('accountId', a.id, 'displayName', a.display_name, 'email', a.email, 'role', a.role)
                 ORDER BY a.display_name, a.email), '[]') FROM study_researcher sr JOIN account a ON a.id = sr.account_id
           WHERE sr.study_id = st.id) AS researchers,
         json_build_object('contactsDays', st.contacts_days, 'freeTextDays', st.free_text_days, 'paradataDays', st.paradata_days,
                           'exportsDays', st.exports_days) AS retention,
         st.withdrawal_policy AS "withdrawalPolicy",
         json_build_object('k', st.disclosure_k, 'quasiIdentifiers', st.quasi_identifiers) AS anonymisation,
         st.current_consent_version_id AS "currentConsentVersionId",
         ${StudyAccess.manageable('st', 1)} AS "canManage", st.created_at AS "createdAt", st.updated_at AS "updatedAt"
    FROM study st`;

const SUMMARY_SQL = `
  SELECT st.id, st.title_lt AS "titleLt", st.title_en AS "titleEn", st.status,
         (SELECT COALESCE(array_agg(m.code ORDER BY m.code), '{}') FROM study_municipality sm
            JOIN municipality m ON m.id = sm.municipality_id WHERE sm.study_id = st.id) AS "municipalityCodes",
         (SELECT count(*)::int FROM study_instrument i WHERE i.study_id = st.id) AS instruments,
         (SELECT v.version FROM consent_version v WHERE v.id = st.current_consent_version_id) AS "consentVersion",
         ${StudyAccess.manageable('st', 1)} AS "canManage", st.updated_at AS "updatedAt"
    FROM study st`;

export function listStudies(db: EntityManager, access: StudyAccess): Promise<StudySummary[]> {
  return db.query(`${SUMMARY_SQL} WHERE ${StudyAccess.visible('st', 1)} ORDER BY st.updated_at DESC, st.id LIMIT 500`, access.params());
}

/** The whole study as its page shows it, or null when the caller may not see it. */
export async function loadStudy(db: EntityManager, access: StudyAccess, id: string): Promise<StudyView | null> {
  const [row] = await db.query(`${STUDY_SQL} WHERE st.id = $4 AND ${StudyAccess.visible('st', 1)}`, [...access.params(), id]);
  if (!row) return null;
  const { currentConsentVersionId, ...study } = row as StudyView & { currentConsentVersionId: string | null };
  const [instruments, meetings, consent] = await Promise.all([
    loadInstruments(db, id, study.anonymisation.quasiIdentifiers),
    loadMeetings(db, id),
    currentConsentVersionId ? consentVersion(db, currentConsentVersionId) : Promise.resolve(null),
  ]);
  return { ...study, instruments, meetings, consent };
}

async function loadInstruments(db: EntityManager, studyId: string, quasiIdentifiers: string[]): Promise<StudyInstrumentView[]> {
  const rows: (Omit<StudyInstrumentView, 'quasiIdentifiers'> & { breakdowns: string[]; definition: Record<string, unknown> | null })[] =
    await db.query(
      `SELECT i.survey_id AS "surveyId", s.slug, i.role, i.quasi_identifier_questions AS "quasiIdentifierQuestions",
            i.attached_at AS "attachedAt", s.disclosure_k AS "surveyDisclosureK", s.breakdowns,
            v.version AS "currentVersion", v.definition,
            (SELECT count(*)::int FROM response r JOIN consent_version cv ON cv.id = r.consent_version_id
              WHERE r.survey_id = i.survey_id AND cv.study_id = i.study_id) AS responses
       FROM study_instrument i JOIN survey s ON s.id = i.survey_id
       LEFT JOIN LATERAL (SELECT sv.version, sv.definition FROM survey_version sv
                           WHERE sv.survey_id = s.id AND sv.published_at IS NOT NULL ORDER BY sv.version DESC LIMIT 1) v ON true
      WHERE i.study_id = $1 ORDER BY i.attached_at, s.slug`,
      [studyId],
    );
  return rows.map(({ breakdowns, definition, ...instrument }) => ({
    ...instrument,
    quasiIdentifiers: resolveQuasiIdentifiers(quasiIdentifiers, {
      breakdowns,
      questions: definition ? questionNames(definition) : new Set(),
      explicit: instrument.quasiIdentifierQuestions,
    }),
  }));
}

function loadMeetings(db: EntityManager, studyId: string): Promise<StudyMeetingView[]> {
  return db.query(
    `SELECT m.id, m.title_lt AS "titleLt", m.title_en AS "titleEn", m.starts_at AS "startsAt", mu.code AS "municipalityCode",
            (SELECT count(*)::int FROM signup s WHERE s.meeting_id = m.id AND s.status IN ('confirmed', 'waitlisted')) AS signups
       FROM meeting m JOIN consultation c ON c.id = m.consultation_id JOIN municipality mu ON mu.id = c.municipality_id
      WHERE m.study_id = $1 ORDER BY m.starts_at`,
    [studyId],
  );
}
