import { pgErrorCode, pgErrorDetail, STUDY_CONSENT_SQLSTATE } from '@app/database';
import { DomainError } from '@app/http';

/**
 * A sign-up for a study meeting is stored only with agreement to the study's CURRENT consent
 * version (the trigger signup_study_consent decides, under the study row's lock; see
 * libs/database/src/sql). Null for any other error.
 */
export function studyConsentRefusal(error: unknown): DomainError | null {
  const current = pgErrorDetail(error);
  switch (pgErrorCode(error)) {
    case STUDY_CONSENT_SQLSTATE.missing:
      return new DomainError('invalid', 'CONSENT_REQUIRED', 'This meeting is part of a study: agree to its consent text to sign up', [
        { field: 'studyConsent', reason: `is required: agreement to the study's consent, version ${current}` },
      ]);
    case STUDY_CONSENT_SQLSTATE.notCurrent:
      return new DomainError(
        'invalid',
        'CONSENT_NOT_CURRENT',
        `The study's consent text has changed: read and agree to version ${current}`,
        [{ field: 'studyConsent.versionId', reason: `is not the current consent version (${current})` }],
      );
    case STUDY_CONSENT_SQLSTATE.notActive:
      return new DomainError(
        'conflict',
        'STUDY_NOT_ACTIVE',
        `This meeting is part of a study that is not taking part now (it is ${current})`,
      );
    case STUDY_CONSENT_SQLSTATE.notApplicable:
      return new DomainError('invalid', 'CONSENT_NOT_APPLICABLE', 'This meeting is not part of a study: send no study consent', [
        { field: 'studyConsent', reason: 'must be left out: the meeting is not part of a study' },
      ]);
    default:
      return null;
  }
}
