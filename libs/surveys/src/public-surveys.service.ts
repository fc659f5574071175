import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MunicipalitiesService } from '@app/municipalities';
import { PublishedVersions } from './responses/published-versions';
import { surveyClosed, surveyNotFound, versionNotFound } from './surveys.errors';

/** $1 = survey id or null; the newest published version of each survey. */
const CURRENT_VERSION_SQL = `
  SELECT DISTINCT ON (s.id) s.id, s.slug, v.id AS "versionId", v.version, s.languages, s.access_mode AS "accessMode",
         s.anonymous, s.closes_at AS "closesAt", v.definition,
         (s.opens_at IS NULL OR s.opens_at <= now()) AND (s.closes_at IS NULL OR s.closes_at > now()) AS "isOpen",
         (SELECT array_agg(m.code ORDER BY m.code) FROM survey_municipality sm JOIN municipality m ON m.id = sm.municipality_id
           WHERE sm.survey_id = s.id) AS "municipalityCodes"
    FROM survey s JOIN survey_version v ON v.survey_id = s.id AND v.published_at IS NOT NULL`;

/** What a resident's browser may read: published, open surveys and their definitions. */
@Injectable()
export class PublicSurveysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
    private readonly versions: PublishedVersions,
  ) {}

  async listOpen(municipalityCode: string) {
    const municipality = await this.municipalities.getByCode(municipalityCode);
    const rows = await this.dataSource.query(
      `SELECT id, slug, "accessMode", "closesAt", definition->'title' AS title FROM (${CURRENT_VERSION_SQL}
          WHERE EXISTS (SELECT 1 FROM survey_municipality sm WHERE sm.survey_id = s.id AND sm.municipality_id = $1)
          ORDER BY s.id, v.version DESC) current
        WHERE "isOpen" ORDER BY slug`,
      [municipality.id],
    );
    return rows.map((row: { title: unknown }) => ({ ...row, title: row.title ?? null }));
  }

  async getOpen(surveyId: string) {
    const [row] = await this.dataSource.query(`${CURRENT_VERSION_SQL} WHERE s.id = $1 ORDER BY s.id, v.version DESC`, [
      surveyId,
    ]);
    if (!row) throw surveyNotFound();
    if (!row.isOpen) throw surveyClosed();
    const { isOpen: _isOpen, ...survey } = row;
    return survey;
  }

  async getVersion(versionId: string) {
    const version = await this.versions.find(versionId);
    if (!version) throw versionNotFound('versionId');
    const [survey] = await this.dataSource.query(`SELECT languages FROM survey WHERE id = $1`, [version.surveyId]);
    return {
      versionId: version.id,
      surveyId: version.surveyId,
      version: version.version,
      languages: survey.languages,
      definition: version.definition,
    };
  }
}
