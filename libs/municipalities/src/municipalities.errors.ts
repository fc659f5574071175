import { DomainError } from '@app/http';

export const municipalityNotFound = (code: string) =>
  new DomainError('not_found', 'MUNICIPALITY_NOT_FOUND', `No municipality with code "${code}"`);

export const municipalityCodeTaken = (code: string) =>
  new DomainError('conflict', 'MUNICIPALITY_CODE_TAKEN', `A municipality with code "${code}" already exists`, [
    { field: 'code', reason: 'is already used by another municipality' },
  ]);

export const unknownMunicipalityCodes = (field: string, codes: string[]) =>
  new DomainError('invalid', 'UNKNOWN_MUNICIPALITY', `Unknown municipality code(s): ${codes.join(', ')}`, [
    { field, reason: `unknown municipality code(s): ${codes.join(', ')}` },
  ]);

export const partnerNameTaken = (name: string) =>
  new DomainError('conflict', 'PARTNER_NAME_TAKEN', `A partner organisation named "${name}" already exists`, [
    { field: 'name', reason: 'is already used by another partner organisation' },
  ]);
