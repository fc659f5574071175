import { pgErrorCode, pgErrorDetail, STUDY_CONSENT_SQLSTATE } from '@app/database';
import { DomainError } from '@app/http';

/**
 * A response to a study instrument is stored only with agreement to the study's CURRENT consent
 * version (the trigger response_study_consent decides, on every write path, at commit order; see
 * libs/database/src/sql). A resident who loaded a version that changed meanwhile is refused with
 * the current number, and the survey page shows the new text to agree to; answers stay on the device.
 * Returns null for any other error.
 */
export function studyConsentRefusal(error: unknown): DomainError | null {
  const code = pgErrorCode(error);
  const current = pgErrorDetail(error);
  switch (code) {
    case STUDY_CONSENT_SQLSTATE.missing:
      return new DomainError('invalid', 'CONSENT_REQUIRED', 'This survey is part of a study: agree to its consent text first', [
        { field: 'consent', reason: `is required: agreement to the study's consent, version ${current}` },
      ]);
    case STUDY_CONSENT_SQLSTATE.notCurrent:
      return new DomainError('invalid', 'CONSENT_NOT_CURRENT', `The study's consent text has changed: read and agree to version ${current}`, [
        { field: 'consent.versionId', reason: `is not the current consent version (${current})` },
      ]);
    case STUDY_CONSENT_SQLSTATE.notActive:
      return new DomainError('conflict', 'STUDY_NOT_ACTIVE', `This survey is part of a study that is not collecting answers now (it is ${current})`);
    case STUDY_CONSENT_SQLSTATE.notApplicable:
      return new DomainError('invalid', 'CONSENT_NOT_APPLICABLE', 'This survey is not part of a study: send no consent', [
        { field: 'consent', reason: 'must be left out: the survey is not part of a study' },
      ]);
    default:
      return null;
  }
}
