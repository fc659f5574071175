import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import { requestCompiles, SurveysService } from '@app/surveys';
import type { CompilationView } from './results-document';
import { municipalityNotInSurvey, publishedVersionNotFound } from './results.errors';
import type { RequestCompileDto } from './dto/results.dto';

/** Where each (published version, municipality) compile stands, and asking for new ones. */
@Injectable()
export class CompilationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  async list(scope: AccessScope, surveyId: string): Promise<CompilationView[]> {
    await this.surveys.get(scope, surveyId);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT sv.id AS "surveyVersionId", sv.version, m.code, m.name_lt, m.name_en,
              COALESCE(c.status, 'never') AS status, COALESCE(c.progress, 0) AS progress,
              COALESCE(c.requested_seq > c.started_seq, false) AS pending, COALESCE(c.attempt, 0) AS attempt,
              c.last_error AS "lastError", c.requested_at AS "requestedAt", c.started_at AS "startedAt",
              c.finished_at AS "finishedAt", rs.response_count AS responses, rs.compiled_at AS "compiledAt"
         FROM survey_version sv
         JOIN survey_municipality sm ON sm.survey_id = sv.survey_id
         JOIN municipality m ON m.id = sm.municipality_id
         LEFT JOIN result_compilation c ON c.survey_version_id = sv.id AND c.municipality_id = m.id
         LEFT JOIN result_set rs ON rs.survey_version_id = sv.id AND rs.municipality_id = m.id
        WHERE sv.survey_id = $1 AND sv.published_at IS NOT NULL AND ($2::uuid[] IS NULL OR m.id = ANY ($2))
        ORDER BY sv.version DESC, m.code`,
      [surveyId, scope.municipalityIdsOrNull()],
    );
    return rows.map(({ code, name_lt, name_en, ...row }) => ({
      ...(row as Omit<CompilationView, 'municipality'>),
      municipality: { code: code as string, nameLt: name_lt as string, nameEn: name_en as string },
    }));
  }

  /** Staff may ask only for their own municipalities; by default that is what they get. */
  async request(scope: AccessScope, surveyId: string, dto: RequestCompileDto): Promise<CompilationView[]> {
    const survey = await this.surveys.get(scope, surveyId);
    if (dto.version !== undefined && !survey.versions.some((v) => v.version === dto.version && v.publishedAt)) {
      throw publishedVersionNotFound('version');
    }
    let municipalityIds = scope.municipalityIdsOrNull();
    if (dto.municipalityCodes) {
      const ids = await this.municipalities.idsForCodes(dto.municipalityCodes, 'municipalityCodes');
      for (const code of dto.municipalityCodes) {
        if (!survey.municipalityCodes.includes(code) || !scope.covers(ids.get(code)!)) {
          throw municipalityNotInSurvey('municipalityCodes', code);
        }
      }
      municipalityIds = [...ids.values()];
    }
    await this.dataSource.transaction((tx) => requestCompiles(tx, surveyId, { version: dto.version, municipalityIds }));
    return this.list(scope, surveyId);
  }
}
