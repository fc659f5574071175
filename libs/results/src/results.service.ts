import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@app/http';
import { SurveysService } from '@app/surveys';
import { ResultPlans } from './definition/result-plans';
import { underK } from './disclosure/raise-k';
import { NOISE_BOUND, statsThreshold } from './perturbation/ptable';
import type { MunicipalityResults, PublishedSurveySummary, ResultsDocument } from './results-document';
import { municipalityNotInSurvey, noPublishedResults, noReleasedResults, publishedVersionNotFound } from './results.errors';

interface VersionRow {
  survey_id: string;
  slug: string;
  version_id: string;
  version: number;
  definition: Record<string, unknown>;
  breakdowns: string[];
  disclosure_k: number;
}

export interface PublicationRow {
  survey_version_id: string;
  questions: string[];
  municipality_ids: string[] | null;
  published_on: string;
}

interface ReleaseRow extends MunicipalityResults {
  releaseK: number;
}

const VERSION_SQL = `
  SELECT s.id AS survey_id, s.slug, sv.id AS version_id, sv.version, sv.definition, s.breakdowns, s.disclosure_k
    FROM survey s JOIN survey_version sv ON sv.survey_id = s.id AND sv.published_at IS NOT NULL`;

/**
 * Reads released results: every document, for the public and for staff alike, comes from each
 * municipality's latest release, never from a compile in between (comparing two compiles one
 * response apart is how a resident's answers would be read). The public sees published surveys
 * only, the questions and municipalities chosen at publishing.
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
          `${VERSION_SQL} WHERE s.id = $1 AND EXISTS (SELECT 1 FROM result_release rr WHERE rr.survey_version_id = sv.id)
           ORDER BY sv.version DESC LIMIT 1`,
          [surveyId],
        );
    if (!version) throw query.version ? publishedVersionNotFound('version') : noReleasedResults();
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
    const municipalities = await this.municipalityResults(version, publication.municipality_ids, municipality);
    if (municipality && !municipalities.length) throw municipalityNotInSurvey('municipality', municipality);
    return this.document(version, municipalities, publication, new Set(publication.questions));
  }

  async listPublished(): Promise<PublishedSurveySummary[]> {
    return this.dataSource.query(
      `SELECT s.slug, sv.definition -> 'title' AS title, sv.version, p.published_at::date::text AS "publishedOn",
              COALESCE((SELECT json_agg(json_build_object('code', m.code, 'nameLt', m.name_lt, 'nameEn', m.name_en) ORDER BY m.code)
                          FROM municipality m
                         WHERE EXISTS (SELECT 1 FROM result_release rr WHERE rr.survey_version_id = sv.id AND rr.municipality_id = m.id)
                           AND (p.municipality_ids IS NULL OR m.id = ANY (p.municipality_ids))), '[]') AS municipalities
         FROM result_publication p
         JOIN survey s ON s.id = p.survey_id
         JOIN survey_version sv ON sv.id = p.survey_version_id
        ORDER BY p.published_at DESC`,
    );
  }

  async publication(surveyId: string): Promise<PublicationRow | null> {
    const [row]: PublicationRow[] = await this.dataSource.query(
      `SELECT survey_version_id, questions, municipality_ids, published_at::date::text AS published_on
         FROM result_publication WHERE survey_id = $1`,
      [surveyId],
    );
    return row ?? null;
  }

  /** Each municipality's latest release, under the survey's k as it is now (see underK). */
  private async municipalityResults(version: VersionRow, onlyIds: string[] | null, code?: string): Promise<MunicipalityResults[]> {
    const rows: ReleaseRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (m.code) m.code, m.name_lt AS "nameLt", m.name_en AS "nameEn", rr.published_responses AS responses,
              rr.release_no AS release, rr.released_on::text AS "releasedOn", rr.below_threshold AS "belowThreshold",
              rr.tables_withheld AS "tablesWithheld", rr.items, rr.disclosure_k AS "releaseK"
         FROM result_release rr JOIN municipality m ON m.id = rr.municipality_id
        WHERE rr.survey_version_id = $1 AND ($2::uuid[] IS NULL OR m.id = ANY ($2)) AND ($3::text IS NULL OR m.code = $3)
        ORDER BY m.code, rr.release_no DESC`,
      [version.version_id, onlyIds, code ?? null],
    );
    return rows.map(({ releaseK, ...m }) => underK(m, releaseK, version.disclosure_k));
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
      statsThreshold: statsThreshold(version.disclosure_k),
      noiseBound: NOISE_BOUND,
      status: publication ? 'published' : 'preliminary',
      publishedOn: publication?.published_on ?? null,
      items: plan.items.filter(shown),
      breakdowns: plan.breakdowns,
      municipalities: municipalities.map((m) => ({
        ...m,
        items: (m.items).filter(shown),
      })),
    };
  }
}
