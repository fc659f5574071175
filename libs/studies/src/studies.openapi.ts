import { schema as s } from '@app/http';
import { INSTRUMENT_ROLES } from './dto/instrument.dto';
import { WITHDRAWAL_POLICIES } from './dto/policy.dto';
import { STUDY_STATUSES } from './dto/study.dto';

const day = { type: 'string', format: 'date' } as const;
const terms = s.object({ contactsDays: s.int, freeTextDays: s.int, paradataDays: s.int, withdrawalPolicy: s.enumOf(WITHDRAWAL_POLICIES) });
export const consentVersionSchema = s.object({
  id: s.uuid,
  version: s.int,
  textLt: s.text,
  textEn: s.text,
  terms,
  termsTextLt: s.list(s.text),
  termsTextEn: s.list(s.text),
  createdAt: s.time,
  createdBy: s.textOrNull,
});
const researcher = s.object({ accountId: s.uuid, displayName: s.text, email: s.text, role: s.enumOf(['researcher', 'admin']) });
const quasiIdentifierSource = s.object(
  {
    quasiIdentifier: s.text,
    source: s.enumOf(['municipality', 'question', 'unmapped']),
    question: s.text,
    how: s.enumOf(['set', 'breakdown', 'same_name']),
  },
  ['question', 'how'],
);
const instrument = s.object({
  surveyId: s.uuid,
  slug: s.text,
  role: s.enumOf(INSTRUMENT_ROLES),
  currentVersion: s.intOrNull,
  surveyDisclosureK: s.int,
  quasiIdentifierQuestions: { type: 'object', additionalProperties: { type: 'string' } },
  quasiIdentifiers: s.list(quasiIdentifierSource),
  responses: s.int,
  attachedAt: s.time,
});
const meeting = s.object({ id: s.uuid, titleLt: s.text, titleEn: s.text, startsAt: s.time, municipalityCode: s.text, signups: s.int });
export const studySchema = s.object({
  id: s.uuid,
  titleLt: s.text,
  titleEn: s.text,
  purposeLt: s.text,
  purposeEn: s.text,
  status: s.enumOf(STUDY_STATUSES),
  ethics: s.object({ committee: s.textOrNull, reference: s.textOrNull, approvedOn: s.nullable(day) }),
  municipalityCodes: s.list(s.text),
  researchers: s.list(researcher),
  instruments: s.list(instrument),
  meetings: s.list(meeting),
  consent: s.nullable(consentVersionSchema),
  retention: s.object({ contactsDays: s.int, freeTextDays: s.int, paradataDays: s.int, exportsDays: s.int }),
  withdrawalPolicy: s.enumOf(WITHDRAWAL_POLICIES),
  anonymisation: s.object({ k: s.int, quasiIdentifiers: s.list(s.text) }),
  canManage: s.bool,
  createdAt: s.time,
  updatedAt: s.time,
});
export const studySummarySchema = s.object({
  id: s.uuid,
  titleLt: s.text,
  titleEn: s.text,
  status: s.enumOf(STUDY_STATUSES),
  municipalityCodes: s.list(s.text),
  instruments: s.int,
  consentVersion: s.intOrNull,
  canManage: s.bool,
  updatedAt: s.time,
});
export const researcherOptionSchema = researcher;
export const surveyConsentSchema = {
  ...s.object(
    {
      required: s.bool,
      study: s.object({
        id: s.uuid,
        titleLt: s.text,
        titleEn: s.text,
        purposeLt: s.text,
        purposeEn: s.text,
        ethics: s.object({ committee: s.text, reference: s.text, approvedOn: day }),
      }),
      consent: s.object({
        versionId: s.uuid,
        version: s.int,
        textLt: s.text,
        textEn: s.text,
        terms,
        termsTextLt: s.list(s.text),
        termsTextEn: s.list(s.text),
        createdOn: day,
      }),
    },
    ['study', 'consent'],
  ),
  description: '`{ required: false }` for a survey outside any study; else the study and its current consent version',
};
export const withdrawalSchema = s.object({
  state: s.enumOf(['held', 'withdrawn', 'nothing_held']),
  kind: s.text,
  study: s.nullable(s.object({ titleLt: s.text, titleEn: s.text })),
  policy: s.nullable(s.enumOf(WITHDRAWAL_POLICIES)),
});
