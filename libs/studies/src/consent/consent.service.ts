import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordAudit } from '@app/audit';
import type { Principal } from '@app/http';
import { StudyAccess } from '../access/study-access';
import type { NewConsentVersionDto } from '../dto/consent.dto';
import type { ConsentVersionView, PublicStudyConsent, SurveyConsentView } from '../study-view';
import { studyNotActive } from './consent-errors';
import { consentVersion, consentVersions, insertConsentVersion, withTermsText } from './consent-queries';

/** $1: the study's id; only an active study's consent is public. */
const PUBLIC_CONSENT_SQL = `
  SELECT json_build_object('id', st.id, 'titleLt', st.title_lt, 'titleEn', st.title_en, 'purposeLt', st.purpose_lt,
           'purposeEn', st.purpose_en, 'ethics', json_build_object('committee', st.ethics_committee, 'reference', st.ethics_reference,
           'approvedOn', st.ethics_approved_on::text)) AS study,
         json_build_object('versionId', cv.id, 'version', cv.version, 'textLt', cv.text_lt, 'textEn', cv.text_en,
           'terms', json_build_object('contactsDays', cv.contacts_days, 'freeTextDays', cv.free_text_days,
                                      'paradataDays', cv.paradata_days, 'withdrawalPolicy', cv.withdrawal_policy),
           'createdOn', (cv.created_at AT TIME ZONE 'Europe/Vilnius')::date::text) AS consent,
         st.status
    FROM study st JOIN consent_version cv ON cv.id = st.current_consent_version_id
   WHERE st.id = $1`;

/** Consent texts: immutable versions (a trigger forbids changing one), the current one shown to residents. */
@Injectable()
export class ConsentService {
  constructor(private readonly dataSource: DataSource) {}

  async versions(principal: Principal, studyId: string): Promise<ConsentVersionView[]> {
    await StudyAccess.of(principal).assertVisible(this.dataSource.manager, studyId);
    return consentVersions(this.dataSource.manager, studyId);
  }

  /**
   * Editing consent: a new version with the study's current terms, current from this commit on.
   * Responses and sign-ups in flight were stored under the old one before it (they hold the study
   * row FOR SHARE; this takes it FOR UPDATE); later ones must agree to the new one.
   */
  async addVersion(principal: Principal, studyId: string, dto: NewConsentVersionDto): Promise<ConsentVersionView> {
    const id = await this.dataSource.transaction(async (tx) => {
      const study = await StudyAccess.of(principal).lockForChange(tx, studyId);
      const created = await insertConsentVersion(tx, studyId, dto, study, principal.accountId);
      await recordAudit(tx, {
        actor: principal,
        action: 'study.consent_versioned',
        targetType: 'study',
        targetId: studyId,
        details: { version: created.version, reason: 'text' },
      });
      return created.id;
    });
    return (await consentVersion(this.dataSource.manager, id))!;
  }

  /** What a survey's page shows before its first question: nothing when it is not a study instrument. */
  async forSurvey(surveyId: string): Promise<SurveyConsentView> {
    const [instrument]: { studyId: string }[] = await this.dataSource.query(
      `SELECT study_id AS "studyId" FROM study_instrument WHERE survey_id = $1`,
      [surveyId],
    );
    if (!instrument) return { required: false };
    return { required: true, ...(await this.publicConsent(instrument.studyId)) };
  }

  /** The current consent of an active study, as residents read it; 409 when the study takes nobody now. */
  async publicConsent(studyId: string): Promise<PublicStudyConsent> {
    const [row]: (PublicStudyConsent & { status: string })[] = await this.dataSource.query(PUBLIC_CONSENT_SQL, [studyId]);
    if (!row || row.status !== 'active') throw studyNotActive(row?.status ?? 'draft');
    return { study: row.study, consent: withTermsText(row.consent) };
  }
}
