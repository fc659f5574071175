import { schema as s } from '@app/http';

const municipalityRef = s.object({ code: s.text, nameLt: s.text, nameEn: s.text });
export const compilationSchema = s.object({
  surveyVersionId: s.uuid, version: s.int, municipality: municipalityRef,
  status: s.enumOf(['never', 'queued', 'running', 'retrying', 'done', 'failed']), progress: s.int, pending: s.bool, attempt: s.int,
  lastError: s.textOrNull, requestedAt: s.timeOrNull, startedAt: s.timeOrNull, finishedAt: s.timeOrNull, responses: s.intOrNull,
}, ['responses']);
/** The anonymised tables: withheld cells are { count: null, suppressed: true }. */
export const resultsDocumentSchema = {
  ...s.object({
    survey: s.object({ id: s.uuid, slug: s.text, title: s.nullable(s.json) }), version: s.int, k: s.int,
    status: s.enumOf(['preliminary', 'published']), publishedAt: s.timeOrNull, items: s.list(s.json), breakdowns: s.list(s.json),
    municipalities: s.list(s.json),
  }),
  additionalProperties: true,
};
export const publicationSchema = s.object({ version: s.int, questions: s.list(s.text), publishedAt: s.time });
export const publishedSurveySchema = s.object({ slug: s.text, title: s.nullable(s.json), version: s.int, publishedAt: s.time, municipalities: s.list(municipalityRef) });
