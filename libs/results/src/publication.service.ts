import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import { SurveysService } from '@app/surveys';
import { ResultPlans } from './definition/result-plans';
import type { PublicationView } from './results-document';
import { municipalityNotInSurvey, noPublishedResults, noReleasedResults, publishedVersionNotFound, unknownQuestions } from './results.errors';
import type { PublishResultsDto } from './dto/results.dto';

/**
 * Publishing makes one version's released results public, for the chosen questions, in every
 * municipality or the chosen ones. What the public sees still changes only at releases.
 * Re-publishing replaces the choice; withdrawing makes them preliminary again.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
    private readonly municipalities: MunicipalitiesService,
    private readonly plans: ResultPlans,
  ) {}

  async get(scope: AccessScope, surveyId: string): Promise<PublicationView> {
    await this.surveys.get(scope, surveyId);
    const [row]: PublicationView[] = await this.dataSource.query(
      `SELECT sv.version, p.questions, p.published_at::date::text AS "publishedOn",
              (SELECT array_agg(m.code ORDER BY m.code) FROM municipality m WHERE m.id = ANY (p.municipality_ids)) AS "municipalityCodes"
         FROM result_publication p JOIN survey_version sv ON sv.id = p.survey_version_id WHERE p.survey_id = $1`,
      [surveyId],
    );
    if (!row) throw noPublishedResults();
    return row;
  }

  async publish(scope: AccessScope, accountId: string, surveyId: string, dto: PublishResultsDto): Promise<PublicationView> {
    const survey = await this.surveys.get(scope, surveyId);
    const [version]: { id: string; definition: Record<string, unknown>; breakdowns: string[]; released: boolean }[] =
      await this.dataSource.query(
        `SELECT sv.id, sv.definition, s.breakdowns,
                EXISTS (SELECT 1 FROM result_release rr WHERE rr.survey_version_id = sv.id) AS released
           FROM survey_version sv JOIN survey s ON s.id = sv.survey_id
          WHERE sv.survey_id = $1 AND sv.version = $2 AND sv.published_at IS NOT NULL`,
        [surveyId, dto.version],
      );
    if (!version) throw publishedVersionNotFound('version');
    const compiledQuestions = new Set(this.plans.get(version.id, version.definition, version.breakdowns).items.map((i) => i.question));
    const unknown = dto.questions.filter((name) => !compiledQuestions.has(name));
    if (unknown.length) throw unknownQuestions(unknown);
    let municipalityIds: string[] | null = null;
    if (dto.municipalityCodes) {
      const ids = await this.municipalities.idsForCodes(dto.municipalityCodes, 'municipalityCodes');
      const outside = dto.municipalityCodes.find((code) => !survey.municipalityCodes.includes(code));
      if (outside) throw municipalityNotInSurvey('municipalityCodes', outside);
      municipalityIds = [...new Set(ids.values())];
    }
    if (!version.released) throw noReleasedResults();
    await this.dataSource.query(
      `INSERT INTO result_publication (survey_id, survey_version_id, questions, municipality_ids, published_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (survey_id) DO UPDATE
         SET survey_version_id = EXCLUDED.survey_version_id, questions = EXCLUDED.questions,
             municipality_ids = EXCLUDED.municipality_ids, published_by = EXCLUDED.published_by, published_at = now()`,
      [surveyId, version.id, [...new Set(dto.questions)], municipalityIds, accountId],
    );
    return this.get(scope, surveyId);
  }

  async withdraw(scope: AccessScope, surveyId: string): Promise<void> {
    await this.surveys.get(scope, surveyId);
    const [, deleted]: [unknown, number] = await this.dataSource.query(`DELETE FROM result_publication WHERE survey_id = $1`, [surveyId]);
    if (!deleted) throw noPublishedResults();
  }
}
