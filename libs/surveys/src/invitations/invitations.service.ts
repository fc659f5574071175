import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { newSecretToken, sha256Hex } from '@app/auth';
import { CsvDownload, vilniusDate, type AccessScope, type CsvLanguage } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import type { CreateInvitationsDto } from '../dto/invitation.dto';
import { SurveysService } from '../surveys.service';
import type { InvitationSummaryRow } from '../survey-view';
import { invitationNotFound, invitationUsed, outsideScope, surveyClosed, wrongMunicipality } from '../surveys.errors';

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
    private readonly municipalities: MunicipalitiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Makes `count` single-use tokens and returns them once, as CSV for a mail merge. Only hashes are
   * stored: a lost CSV cannot be regenerated, only replaced by a new batch.
   */
  async generateCsv(scope: AccessScope, surveyId: string, dto: CreateInvitationsDto, language: CsvLanguage = 'en'): Promise<CsvDownload> {
    const survey = await this.surveys.get(scope, surveyId);
    const municipality = await this.municipalities.getByCode(dto.municipalityCode).catch(() => {
      throw wrongMunicipality(dto.municipalityCode);
    });
    if (!scope.covers(municipality.id)) throw outsideScope('municipalityCode');
    if (!survey.municipalityCodes.includes(municipality.code)) throw wrongMunicipality(municipality.code);

    const tokens = Array.from({ length: dto.count }, newSecretToken);
    await this.dataSource.query(
      `INSERT INTO invitation (survey_id, municipality_id, token_hash) SELECT $1, $2, unnest($3::char(64)[])`,
      [survey.id, municipality.id, tokens.map(sha256Hex)],
    );
    const base = this.config.PUBLIC_BASE_URL ?? `http://${this.config.HOST}:${this.config.PORT}`;
    const body = stringify(
      tokens.map((token) => [municipality.code, survey.slug, token, `${base}/i#${token}`]),
      { header: true, columns: language === 'lt' ? ['Savivaldybė', 'Apklausa', 'Kodas', 'Nuoroda'] : ['municipality', 'survey', 'token', 'link'] },
    );
    return new CsvDownload(`invitations-${survey.slug}-${municipality.code}-${vilniusDate(new Date())}.csv`, body);
  }

  /** Issued and used per municipality: how the fieldwork is going, without naming anyone. */
  summary(scope: AccessScope, surveyId: string): Promise<InvitationSummaryRow[]> {
    return this.surveys.get(scope, surveyId).then(() =>
      this.dataSource.query(
        `SELECT m.code AS "municipalityCode", count(*)::int AS issued, count(i.used_on)::int AS used
           FROM invitation i JOIN municipality m ON m.id = i.municipality_id
          WHERE i.survey_id = $1 AND ($2::uuid[] IS NULL OR i.municipality_id = ANY ($2))
          GROUP BY m.code ORDER BY m.code`,
        [surveyId, scope.municipalityIdsOrNull()],
      ),
    );
  }

  /** Public: where an invitation link leads. Tells used from unknown so a resident knows what happened. */
  async lookup(token: string): Promise<{ surveyId: string; municipalityCode: string }> {
    const [row] = await this.dataSource.query(
      `SELECT i.survey_id AS "surveyId", m.code AS "municipalityCode", i.used_on IS NOT NULL AS used,
              (s.closes_at IS NOT NULL AND s.closes_at <= now()) AS closed
         FROM invitation i JOIN municipality m ON m.id = i.municipality_id JOIN survey s ON s.id = i.survey_id
        WHERE i.token_hash = $1`,
      [sha256Hex(token)],
    );
    if (!row) throw invitationNotFound();
    if (row.used) throw invitationUsed();
    if (row.closed) throw surveyClosed();
    return { surveyId: row.surveyId, municipalityCode: row.municipalityCode };
  }
}
