import { schema as s } from '@app/http';

export const surveySchema = s.object({
  id: s.uuid, slug: s.text, accessMode: s.enumOf(['public', 'invitation']), anonymous: s.bool, languages: s.list(s.text),
  breakdowns: s.list(s.text), disclosureK: s.int, opensAt: s.timeOrNull, closesAt: s.timeOrNull, municipalityCodes: s.list(s.text),
  versions: s.list(s.object({ id: s.uuid, version: s.int, publishedAt: s.timeOrNull, createdAt: s.time })),
  currentVersion: s.intOrNull,
});
export const createdSurveySchema = { ...surveySchema, properties: { ...surveySchema.properties, warnings: s.list(s.object({ field: s.text, reason: s.text })) } };
export const surveyVersionSchema = s.object({ id: s.uuid, version: s.int, definition: s.json, publishedAt: s.timeOrNull, createdAt: s.time }, ['publishedAt', 'createdAt']);
export const responseCountSchema = s.object({ municipalityCode: s.text, day: { type: 'string', format: 'date' }, complete: s.int, partial: s.int });
export const invitationSummarySchema = s.object({ municipalityCode: s.text, issued: s.int, used: s.int });
export const savedResponseSchema = s.object({
  id: s.uuid, status: s.enumOf(['partial', 'complete']), surveyVersionId: s.uuid, resumeToken: s.text,
  submittedOn: s.nullable({ type: 'string', format: 'date', description: 'A day, never a time' }),
});
export const resumedResponseSchema = { ...savedResponseSchema, properties: { ...savedResponseSchema.properties, answers: s.json } };
export const openSurveySchema = { ...s.json, description: 'The survey as residents see it: settings, current published version and its SurveyJS definition' };
export const invitationLookupSchema = s.object({ surveyId: s.uuid, municipalityCode: s.text });
