import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { AccessScope, type ErrorDetail } from '@app/http';
import { checkDefinition } from './definition-check';
import type { SurveyFile } from './survey-file';
import { SurveysService } from './surveys.service';

export type ImportOutcome = 'created' | 'new-version' | 'unchanged';

/** The whole platform, for operators' commands (import at deploy time), never reachable over HTTP. */
const OPERATOR_SCOPE = AccessScope.of({ accountId: 'operator', sessionId: 'cli', role: 'admin', municipalityIds: [] });

/**
 * Imports a definition file: a new survey, or a new version when the definition changed since the
 * newest version, or nothing when it is the same (so `npm start` can import on every boot).
 */
@Injectable()
export class SurveyImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
  ) {}

  async import(
    file: SurveyFile,
    options: { municipalityCodes: string[]; publish: boolean },
  ): Promise<{ surveyId: string; version: number; outcome: ImportOutcome; warnings: ErrorDetail[] }> {
    const { warnings } = checkDefinition(file.definition, file.breakdowns);
    const [existing] = await this.dataSource.query(`SELECT id FROM survey WHERE slug = $1`, [file.slug]);
    if (!existing) {
      const survey = await this.surveys.create(OPERATOR_SCOPE, null, {
        slug: file.slug,
        definition: file.definition,
        accessMode: 'public',
        anonymous: true,
        languages: file.languages,
        breakdowns: file.breakdowns,
        disclosureK: file.disclosureK,
        municipalityCodes: options.municipalityCodes,
      });
      if (options.publish) await this.surveys.publish(OPERATOR_SCOPE, survey.id, 1);
      return { surveyId: survey.id, version: 1, outcome: 'created', warnings };
    }
    const [latest] = await this.dataSource.query(
      `SELECT version, definition, published_at AS "publishedAt" FROM survey_version
        WHERE survey_id = $1 ORDER BY version DESC LIMIT 1`,
      [existing.id],
    );
    if (isDeepStrictEqual(latest.definition, file.definition)) {
      if (options.publish && !latest.publishedAt) await this.surveys.publish(OPERATOR_SCOPE, existing.id, latest.version);
      return { surveyId: existing.id, version: latest.version, outcome: 'unchanged', warnings };
    }
    const draft = await this.surveys.saveDraft(OPERATOR_SCOPE, null, existing.id, file.definition);
    if (options.publish) await this.surveys.publish(OPERATOR_SCOPE, existing.id, draft.version);
    return { surveyId: existing.id, version: draft.version, outcome: 'new-version', warnings };
  }
}
