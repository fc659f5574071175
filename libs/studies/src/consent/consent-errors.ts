import { DomainError } from '@app/http';

/**
 * How a refusal by the consent triggers reads (libs/database/src/sql/study-consent-codes.ts):
 * the errors a study's residents' pages translate. `field` is where the request carried consent.
 */
export const studyNotActive = (status: string) =>
  new DomainError('conflict', 'STUDY_NOT_ACTIVE', `This is part of a study that is not collecting data now (it is ${status})`);
