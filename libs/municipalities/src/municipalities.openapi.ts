import { schema as s } from '@app/http';

export const municipalitySchema = s.object({ id: s.uuid, code: s.text, nameLt: s.text, nameEn: s.text, createdAt: s.time });
export const publicMunicipalitySchema = s.object({ code: s.text, name: s.object({ lt: s.text, en: s.text }) });
export const partnerOrganisationSchema = s.object({ id: s.uuid, name: s.text, country: s.text, municipalityId: s.nullable(s.uuid), createdAt: s.time });
