import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@app/http';
import { SurveysService } from '@app/surveys';
import { ResultPlans } from './definition/result-plans';
import type { PublicationView } from './results-document';
import { noCompiledResults, noPublishedResults, publishedVersionNotFound, unknownQuestions } from './results.errors';
import type { PublishResultsDto } from './dto/results.dto';

/**
 * Publishing makes one version's compiled results public, for the chosen questions, in every
 * municipality. Re-publishing replaces the choice; withdrawing makes them preliminary again.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
    private readonly plans: ResultPlans,
  ) {}

  async get(scope: AccessScope, surveyId: string): Promise<PublicationView> {
    await this.surveys.get(scope, surveyId);
    const [row]: PublicationView[] = await this.dataSource.query(
      `SELECT sv.version, p.questions, p.published_at AS "publishedAt"
         FROM result_publication p JOIN survey_version sv ON sv.id = p.survey_version_id WHERE p.survey_id = $1`,
      [surveyId],
    );
    if (!row) throw noPublishedResults();
    return row;
  }

  async publish(scope: AccessScope, accountId: string, surveyId: string, dto: PublishResultsDto): Promise<PublicationView> {
    await this.surveys.get(scope, surveyId);
    const [version]: { id: string; definition: Record<string, unknown>; breakdowns: string[]; compiled: boolean }[] =
      await this.dataSource.query(
        `SELECT sv.id, sv.definition, s.breakdowns,
                EXISTS (SELECT 1 FROM result_set rs WHERE rs.survey_version_id = sv.id) AS compiled
           FROM survey_version sv JOIN survey s ON s.id = sv.survey_id
          WHERE sv.survey_id = $1 AND sv.version = $2 AND sv.published_at IS NOT NULL`,
        [surveyId, dto.version],
      );
    if (!version) throw publishedVersionNotFound('version');
    const compiledQuestions = new Set(this.plans.get(version.id, version.definition, version.breakdowns).items.map((i) => i.question));
    const unknown = dto.questions.filter((name) => !compiledQuestions.has(name));
    if (unknown.length) throw unknownQuestions(unknown);
    if (!version.compiled) throw noCompiledResults();
    await this.dataSource.query(
      `INSERT INTO result_publication (survey_id, survey_version_id, questions, published_by)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (survey_id) DO UPDATE
         SET survey_version_id = EXCLUDED.survey_version_id, questions = EXCLUDED.questions,
             published_by = EXCLUDED.published_by, published_at = now()`,
      [surveyId, version.id, [...new Set(dto.questions)], accountId],
    );
    return this.get(scope, surveyId);
  }

  async withdraw(scope: AccessScope, surveyId: string): Promise<void> {
    await this.surveys.get(scope, surveyId);
    const [, deleted]: [unknown, number] = await this.dataSource.query(`DELETE FROM result_publication WHERE survey_id = $1`, [surveyId]);
    if (!deleted) throw noPublishedResults();
  }
}
