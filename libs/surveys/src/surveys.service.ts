import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { pgErrorCode, PG_CHECK_VIOLATION, PG_UNIQUE_VIOLATION, rowsOf } from '@app/database';
import type { AccessScope, ErrorDetail } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import { requestCompiles, requestCompilesForClosedSurveys } from './compile-requests';
import { checkDefinition } from './definition-check';
import type { CreateSurveyDto, UpdateSurveyDto } from './dto/survey.dto';
import {
  alreadyPublished,
  definitionInvalid,
  disclosureKFixed,
  releaseRuleTooLow,
  notAllowedToChange,
  outsideScope,
  slugTaken,
  surveyNotFound,
  versionNotFound,
  windowInvalid,
} from './surveys.errors';

import type { SurveyVersionSummary, SurveyView } from './survey-view';
export type { SurveyVersionSummary, SurveyView } from './survey-view';

/** A survey is visible to staff when it runs in at least one of their municipalities. */
const visibleToScope = (param: string) => `(${param}::uuid[] IS NULL OR EXISTS (
  SELECT 1 FROM survey_municipality sm WHERE sm.survey_id = s.id AND sm.municipality_id = ANY(${param})))`;

const SURVEY_VIEW_SQL = `
  SELECT s.id, s.slug, s.access_mode AS "accessMode", s.anonymous, s.languages, s.breakdowns,
         s.disclosure_k AS "disclosureK", s.release_min_responses AS "releaseMinResponses",
         s.responses_per_address_per_day AS "responsesPerAddressPerDay", s.opens_at AS "opensAt", s.closes_at AS "closesAt",
         (SELECT COALESCE(array_agg(m.code ORDER BY m.code), '{}') FROM survey_municipality sm
            JOIN municipality m ON m.id = sm.municipality_id WHERE sm.survey_id = s.id) AS "municipalityCodes",
         (SELECT COALESCE(json_agg(json_build_object('id', v.id, 'version', v.version, 'publishedAt', v.published_at,
                 'createdAt', v.created_at) ORDER BY v.version), '[]') FROM survey_version v WHERE v.survey_id = s.id) AS versions,
         (SELECT max(v.version) FROM survey_version v WHERE v.survey_id = s.id AND v.published_at IS NOT NULL) AS "currentVersion"
    FROM survey s`;

@Injectable()
export class SurveysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  list(scope: AccessScope): Promise<SurveyView[]> {
    return this.dataSource.query(`${SURVEY_VIEW_SQL} WHERE ${visibleToScope('$1')} ORDER BY s.created_at DESC`, [
      scope.municipalityIdsOrNull(),
    ]);
  }

  /** Not found (rather than forbidden) outside the caller's municipalities: ids reveal nothing. */
  async get(scope: AccessScope, id: string): Promise<SurveyView> {
    const [view] = await this.dataSource.query(`${SURVEY_VIEW_SQL} WHERE s.id = $1 AND ${visibleToScope('$2')}`, [
      id,
      scope.municipalityIdsOrNull(),
    ]);
    if (!view) throw surveyNotFound();
    return view;
  }

  /** `warnings` name what imported but deserves the researcher's eye (choices from an outside address). */
  async create(scope: AccessScope, accountId: string | null, dto: CreateSurveyDto): Promise<SurveyView & { warnings: ErrorDetail[] }> {
    const { problems, warnings } = checkDefinition(dto.definition, dto.breakdowns);
    if (problems.length) throw definitionInvalid(problems);
    if (dto.releaseMinResponses !== undefined && dto.releaseMinResponses < 2 * dto.disclosureK) {
      throw releaseRuleTooLow(2 * dto.disclosureK, false);
    }
    const municipalityIds = await this.targetIds(scope, dto.municipalityCodes);
    try {
      const id = await this.dataSource.transaction(async (tx) => {
        const [{ id }] = await tx.query(
          `INSERT INTO survey (slug, access_mode, anonymous, languages, breakdowns, opens_at, closes_at, created_by, disclosure_k,
                               release_min_responses, responses_per_address_per_day)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11, 10)) RETURNING id`,
          [
            dto.slug,
            dto.accessMode,
            dto.anonymous,
            dto.languages,
            dto.breakdowns,
            dto.opensAt ?? null,
            dto.closesAt ?? null,
            accountId,
            dto.disclosureK,
            dto.releaseMinResponses ?? null,
            dto.responsesPerAddressPerDay ?? null,
          ],
        );
        await this.setTargets(tx, id, municipalityIds);
        await tx.query(
          `INSERT INTO survey_version (survey_id, version, definition, created_by) VALUES ($1, 1, $2, $3)`,
          [id, dto.definition, accountId],
        );
        return id as string;
      });
      return { ...(await this.get(scope, id)), warnings };
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw slugTaken(dto.slug);
      if (pgErrorCode(error) === PG_CHECK_VIOLATION) throw windowInvalid();
      throw error;
    }
  }

  async update(scope: AccessScope, id: string, dto: UpdateSurveyDto): Promise<SurveyView> {
    const survey = await this.getChangeable(scope, id);
    await this.checkReleaseSettings(survey, dto);
    const municipalityIds = dto.municipalityCodes ? await this.targetIds(scope, dto.municipalityCodes) : null;
    await this.dataSource
      .transaction(async (tx) => {
      await tx.query(
        `UPDATE survey SET opens_at = CASE WHEN $2 THEN $3::timestamptz ELSE opens_at END,
                           closes_at = CASE WHEN $4 THEN $5::timestamptz ELSE closes_at END,
                           -- Reopened: its next closing compiles results again.
                           close_compile_requested_at = CASE WHEN $4 AND ($5::timestamptz IS NULL OR $5::timestamptz > now())
                                                             THEN NULL ELSE close_compile_requested_at END,
                           disclosure_k = COALESCE($6, disclosure_k),
                           release_min_responses = COALESCE($7, release_min_responses),
                           responses_per_address_per_day = COALESCE($8, responses_per_address_per_day),
                           updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.opensAt !== undefined,
          dto.opensAt ?? null,
          dto.closesAt !== undefined,
          dto.closesAt ?? null,
          dto.disclosureK ?? null,
          dto.releaseMinResponses ?? null,
          dto.responsesPerAddressPerDay ?? null,
        ],
      );
      // The next release is prepared under the new k now (releases already made are served under
      // the higher of their k and the survey's).
      if (dto.disclosureK !== undefined && dto.disclosureK !== survey.disclosureK) await requestCompiles(tx, id);
      if (municipalityIds) {
        await tx.query(`DELETE FROM survey_municipality WHERE survey_id = $1`, [id]);
        await this.setTargets(tx, id, municipalityIds);
      }
    })
      .catch((error) => {
        throw pgErrorCode(error) === PG_CHECK_VIOLATION ? windowInvalid() : error;
      });
    return this.get(scope, survey.id);
  }

  /**
   * k may be lowered only before the first release (two releases under different k would give
   * away what the higher k withheld); R is never below 2k, and once results are released only
   * rises (a smaller R would allow releases closer together).
   */
  private async checkReleaseSettings(survey: SurveyView, dto: UpdateSurveyDto): Promise<void> {
    const k = dto.disclosureK ?? survey.disclosureK;
    const lowersK = dto.disclosureK !== undefined && dto.disclosureK < survey.disclosureK;
    const lowersR = dto.releaseMinResponses !== undefined && dto.releaseMinResponses < (survey.releaseMinResponses ?? 2 * survey.disclosureK);
    if (!lowersK && dto.releaseMinResponses === undefined) return;
    const [{ released }]: { released: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM result_release rr JOIN survey_version sv ON sv.id = rr.survey_version_id WHERE sv.survey_id = $1) AS released`,
      [survey.id],
    );
    if (lowersK && released) throw disclosureKFixed();
    if (dto.releaseMinResponses !== undefined && (dto.releaseMinResponses < 2 * k || (released && lowersR))) {
      throw releaseRuleTooLow(Math.max(2 * k, released ? survey.releaseMinResponses ?? 0 : 0), released);
    }
  }

  async close(scope: AccessScope, id: string): Promise<SurveyView> {
    await this.getChangeable(scope, id);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `UPDATE survey SET closes_at = LEAST(COALESCE(closes_at, now()), now()), updated_at = now() WHERE id = $1`,
        [id],
      );
      // Closing is when results matter most: compile and release now, not at the next sweep.
      await requestCompilesForClosedSurveys(tx, id);
    });
    return this.get(scope, id);
  }

  /** Editing never touches a published version: it replaces the open draft or starts the next version. */
  async saveDraft(scope: AccessScope, accountId: string | null, id: string, definition: Record<string, unknown>) {
    const survey = await this.getChangeable(scope, id);
    const { problems, warnings } = checkDefinition(definition, survey.breakdowns);
    if (problems.length) throw definitionInvalid(problems);
    const saved = await this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT id FROM survey WHERE id = $1 FOR UPDATE`, [id]);
      const [draft] = rowsOf<SurveyVersionSummary>(
        await tx.query(
          `UPDATE survey_version SET definition = $2 WHERE survey_id = $1 AND published_at IS NULL
            RETURNING id, version, published_at AS "publishedAt", created_at AS "createdAt"`,
          [id, definition],
        ),
      );
      if (draft) return draft;
      const [created] = await tx.query(
        `INSERT INTO survey_version (survey_id, version, definition, created_by)
         SELECT $1, COALESCE(max(version), 0) + 1, $2, $3 FROM survey_version WHERE survey_id = $1
         RETURNING id, version, published_at AS "publishedAt", created_at AS "createdAt"`,
        [id, definition, accountId],
      );
      return created as SurveyVersionSummary;
    });
    return { ...saved, warnings };
  }

  async publish(scope: AccessScope, id: string, version: number): Promise<SurveyView> {
    await this.getChangeable(scope, id);
    const [row] = await this.dataSource.query(
      `SELECT published_at AS "publishedAt" FROM survey_version WHERE survey_id = $1 AND version = $2`,
      [id, version],
    );
    if (!row) throw versionNotFound('version');
    if (row.publishedAt) throw alreadyPublished(version);
    await this.dataSource.query(
      `UPDATE survey_version SET published_at = now() WHERE survey_id = $1 AND version = $2 AND published_at IS NULL`,
      [id, version],
    );
    return this.get(scope, id);
  }

  async getVersion(scope: AccessScope, id: string, version: number) {
    await this.get(scope, id);
    const [row] = await this.dataSource.query(
      `SELECT id, version, definition, published_at AS "publishedAt", created_at AS "createdAt"
         FROM survey_version WHERE survey_id = $1 AND version = $2`,
      [id, version],
    );
    if (!row) throw versionNotFound('version');
    return row;
  }

  /** Staff may change a survey only when every municipality it runs in is theirs. */
  private async getChangeable(scope: AccessScope, id: string): Promise<SurveyView> {
    const survey = await this.get(scope, id);
    if (!scope.seesAll) {
      const ids = await this.municipalities.idsForCodes(survey.municipalityCodes, 'municipalityCodes');
      if (!scope.coversAll([...ids.values()])) throw notAllowedToChange();
    }
    return survey;
  }

  private async targetIds(scope: AccessScope, codes: string[]): Promise<string[]> {
    const ids = [...(await this.municipalities.idsForCodes(codes, 'municipalityCodes')).values()];
    if (!scope.coversAll(ids)) throw outsideScope('municipalityCodes');
    return ids;
  }

  private async setTargets(tx: EntityManager, surveyId: string, municipalityIds: string[]): Promise<void> {
    await tx.query(
      `INSERT INTO survey_municipality (survey_id, municipality_id) SELECT $1, unnest($2::uuid[])`,
      [surveyId, municipalityIds],
    );
  }
}
