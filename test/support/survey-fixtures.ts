import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/** Small, but with every rule the server enforces: required, visibleIf, choices, types, ranges. */
export const SMALL_DEFINITION = {
  title: { default: 'Participation check', lt: 'Dalyvavimo apklausa' },
  pages: [
    {
      name: 'main',
      elements: [
        { type: 'radiogroup', name: 'took_part', isRequired: true, choices: ['yes', 'no'] },
        {
          type: 'checkbox',
          name: 'ways',
          isRequired: true,
          visibleIf: "{took_part} = 'yes'",
          maxSelectedChoices: 2,
          showOtherItem: true,
          choices: ['meeting', 'petition', 'survey'],
        },
        { type: 'rating', name: 'trust', isRequired: true, rateMin: 1, rateMax: 5 },
        { type: 'text', name: 'years', inputType: 'number', min: 0, max: 100 },
        { type: 'comment', name: 'ideas', maxLength: 200 },
        { type: 'dropdown', name: 'age_band', choices: ['18_29', '30_44', '45_plus'] },
      ],
    },
  ],
};

export const VALID_ANSWERS = { took_part: 'yes', ways: ['meeting', 'other'], 'ways-Comment': 'a walk', trust: 4, years: 12 };

export interface PublishedSurvey {
  surveyId: string;
  versionId: string;
}

export async function createPublishedSurvey(
  t: TestApp,
  auth: Record<string, string>,
  settings: Record<string, unknown> = {},
): Promise<PublishedSurvey> {
  const created = await t.http
    .post('/api/surveys')
    .set(auth)
    .send({
      slug: `s-${randomUUID().slice(0, 8)}`,
      definition: SMALL_DEFINITION,
      municipalityCodes: ['birzai'],
      breakdowns: ['age_band'],
      // Tests post many responses from one address (127.0.0.1); the limit has its own test.
      responsesPerAddressPerDay: 100000,
      ...settings,
    })
    .expect(201);
  const published = await t.http.post(`/api/surveys/${created.body.id}/versions/1/publish`).set(auth).expect(201);
  return { surveyId: created.body.id, versionId: published.body.versions[0].id };
}

export function answer(
  t: TestApp,
  versionId: string,
  overrides: Record<string, unknown> = {},
  responseId: string = randomUUID(),
) {
  return t.http.put(`/api/public/responses/${responseId}`).send({
    surveyVersionId: versionId,
    municipalityCode: 'birzai',
    language: 'lt',
    status: 'complete',
    answers: VALID_ANSWERS,
    ...overrides,
  });
}
