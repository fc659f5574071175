import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { schema as s } from '@app/http';

/** A day (YYYY-MM-DD): served results carry dates, never times. */
const day: SchemaObject = { type: 'string', format: 'date' };
const municipalityRef = s.object({ code: s.text, nameLt: s.text, nameEn: s.text });
const auditFigures = s.object({
  cellsChecked: s.int, solves: s.int, exposed: s.int, rounds: s.int, withheldMore: s.int, millis: s.int, tablesWithheld: s.bool,
});
export const compilationSchema = s.object({
  surveyVersionId: s.uuid, version: s.int, municipality: municipalityRef,
  status: s.enumOf(['never', 'queued', 'running', 'retrying', 'done', 'failed']), progress: s.int, pending: s.bool, attempt: s.int,
  lastError: { ...s.enumOf(['VERSION_NOT_PUBLISHED', 'DATA_ERROR', 'DATABASE_UNAVAILABLE', 'DATABASE_ERROR', 'AUDIT_FAILED', 'INTERNAL_ERROR']), nullable: true },
  requestedAt: s.timeOrNull, startedAt: s.timeOrNull, finishedAt: s.timeOrNull,
  audit: s.nullable(auditFigures), releaseWanted: s.bool,
  releaseOutcome: { ...s.enumOf(['released', 'too_few_new']), nullable: true },
  lastRelease: s.nullable(s.object({ number: s.int, releasedOn: day })),
  newResponses: s.int, releaseNeeds: s.int, burstDays: s.list(day),
});
/** The anonymised tables: withheld cells ("fewer than k") are { count: null, suppressed: true }. */
export const resultsDocumentSchema = {
  ...s.object({
    survey: s.object({ id: s.uuid, slug: s.text, title: s.nullable(s.json) }), version: s.int, k: s.int, statsThreshold: s.int, noiseBound: s.int,
    status: s.enumOf(['preliminary', 'published']), publishedOn: s.nullable(day), items: s.list(s.json), breakdowns: s.list(s.json),
    municipalities: s.list(s.json),
  }),
  additionalProperties: true,
};
export const publicationSchema = s.object({ version: s.int, questions: s.list(s.text), municipalityCodes: s.nullable(s.list(s.text)), publishedOn: day });
export const publishedSurveySchema = s.object({ slug: s.text, title: s.nullable(s.json), version: s.int, publishedOn: day, municipalities: s.list(municipalityRef) });
