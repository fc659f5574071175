import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@app/http';
import { SurveysService } from '@app/surveys';
import { ResultPlans } from './definition/result-plans';
import type { MunicipalityResults, PublishedSurveySummary, ResultsDocument } from './results-document';
import { municipalityNotInSurvey, noCompiledResults, noPublishedResults, publishedVersionNotFound } from './results.errors';

interface VersionRow {
  survey_id: string;
  slug: string;
  version_id: string;
  version: number;
  definition: Record<string, unknown>;
  breakdowns: string[];
  disclosure_k: number;
}

interface PublicationRow {
  survey_version_id: string;
  questions: string[];
  published_at: Date;
}

const VERSION_SQL = `
  SELECT s.id AS survey_id, s.slug, sv.id AS version_id, sv.version, sv.definition, s.breakdowns, s.disclosure_k
    FROM survey s JOIN survey_version sv ON sv.survey_id = s.id AND sv.published_at IS NOT NULL`;

/**
 * Reads compiled results. Staff and researchers see every compiled item (preliminary until
 * published); the public sees published surveys only, and only the questions chosen at publishing.
 * Results are already anonymised when stored: nothing here computes from responses.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
    private readonly plans: ResultPlans,
  ) {}

  async forStaff(scope: AccessScope, surveyId: string, query: { version?: number; municipality?: string }): Promise<ResultsDocument> {
    const survey = await this.surveys.get(scope, surveyId);
    if (query.municipality && !survey.municipalityCodes.includes(query.municipality)) {
      throw municipalityNotInSurvey('municipality', query.municipality);
    }
    const [version]: VersionRow[] = query.version
      ? await this.dataSource.query(`${VERSION_SQL} WHERE s.id = $1 AND sv.version = $2`, [surveyId, query.version])
      : await this.dataSource.query(
          `${VERSION_SQL} WHERE s.id = $1 AND EXISTS (SELECT 1 FROM result_set rs WHERE rs.survey_version_id = sv.id)
           ORDER BY sv.version DESC LIMIT 1`,
          [surveyId],
        );
    if (!version) throw query.version ? publishedVersionNotFound('version') : noCompiledResults();
    const publication = await this.publication(surveyId);
    const municipalities = await this.municipalityResults(version, scope.municipalityIdsOrNull(), query.municipality);
    const published = publication?.survey_version_id === version.version_id ? publication : null;
    return this.document(version, municipalities, published, null);
  }

  async forPublic(slug: string, municipality?: string): Promise<ResultsDocument> {
    const [version]: VersionRow[] = await this.dataSource.query(
      `${VERSION_SQL} JOIN result_publication p ON p.survey_version_id = sv.id WHERE s.slug = $1`,
      [slug],
    );
    if (!version) throw noPublishedResults();
    const publication = (await this.publication(version.survey_id))!;
    const municipalities = await this.municipalityResults(version, null, municipality);
    if (municipality && !municipalities.length) throw municipalityNotInSurvey('municipality', municipality);
    return this.document(version, municipalities, publication, new Set(publication.questions));
  }

  async listPublished(): Promise<PublishedSurveySummary[]> {
    return this.dataSource.query(
      `SELECT s.slug, sv.definition -> 'title' AS title, sv.version, p.published_at AS "publishedAt",
              COALESCE((SELECT json_agg(json_build_object('code', m.code, 'nameLt', m.name_lt, 'nameEn', m.name_en) ORDER BY m.code)
                          FROM result_set rs JOIN municipality m ON m.id = rs.municipality_id
                         WHERE rs.survey_version_id = sv.id), '[]') AS municipalities
         FROM result_publication p
         JOIN survey s ON s.id = p.survey_id
         JOIN survey_version sv ON sv.id = p.survey_version_id
        ORDER BY p.published_at DESC`,
    );
  }

  async publication(surveyId: string): Promise<PublicationRow | null> {
    const [row]: PublicationRow[] = await this.dataSource.query(
      `SELECT survey_version_id, questions, published_at FROM result_publication WHERE survey_id = $1`,
      [surveyId],
    );
    return row ?? null;
  }

  /**
   * Results compiled under a smaller k than the survey now asks for are left out until compiled
   * again (changing k requests that), so a raised k is never undercut by older tables.
   */
  private async municipalityResults(version: VersionRow, scopeIds: string[] | null, code?: string): Promise<MunicipalityResults[]> {
    return this.dataSource.query(
      `SELECT m.code, m.name_lt AS "nameLt", m.name_en AS "nameEn", rs.response_count AS responses,
              rs.compiled_at AS "compiledAt", rs.below_threshold AS "belowThreshold", rs.items
         FROM result_set rs JOIN municipality m ON m.id = rs.municipality_id
        WHERE rs.survey_version_id = $1 AND ($2::uuid[] IS NULL OR m.id = ANY ($2)) AND ($3::text IS NULL OR m.code = $3)
          AND rs.disclosure_k >= $4
        ORDER BY m.code`,
      [version.version_id, scopeIds, code ?? null, version.disclosure_k],
    );
  }

  private document(
    version: VersionRow,
    municipalities: MunicipalityResults[],
    publication: PublicationRow | null,
    onlyQuestions: Set<string> | null,
  ): ResultsDocument {
    const plan = this.plans.get(version.version_id, version.definition, version.breakdowns);
    const shown = (item: { question: string }) => !onlyQuestions || onlyQuestions.has(item.question);
    return {
      survey: { id: version.survey_id, slug: version.slug, title: (version.definition.title as ResultsDocument['survey']['title']) ?? null },
      version: version.version,
      k: version.disclosure_k,
      status: publication ? 'published' : 'preliminary',
      publishedAt: publication?.published_at.toISOString() ?? null,
      items: plan.items.filter(shown),
      breakdowns: plan.breakdowns,
      municipalities: municipalities.map((m) => ({
        ...m,
        items: (m.items).filter(shown),
      })),
    };
  }
}
