import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import { requestCompiles, SurveysService } from '@app/surveys';
import { releaseRule } from '../compile/release-rule';
import type { CompilationView } from '../results-document';
import { municipalityNotInSurvey, publishedVersionNotFound, releaseNotAllowed } from '../results.errors';
import type { RequestCompileDto } from '../dto/results.dto';
import { burstDays, compilationRows, type CompilationRow } from './compilations.queries';

/**
 * Where each (published version, municipality) compile stands, asking for compiles (which only
 * prepare the next release) and asking for a release (compile, audit, then release where at least
 * R new responses arrived since the municipality's last release).
 */
@Injectable()
export class CompilationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  async list(scope: AccessScope, surveyId: string): Promise<CompilationView[]> {
    await this.surveys.get(scope, surveyId);
    const [rows, bursts] = await Promise.all([
      compilationRows(this.dataSource, surveyId, scope.municipalityIdsOrNull()),
      burstDays(this.dataSource, surveyId),
    ]);
    return rows.map((row) => view(row, bursts.get(row.municipalityId) ?? []));
  }

  /** Staff may ask only for their own municipalities; by default that is what they get. */
  async request(scope: AccessScope, surveyId: string, dto: RequestCompileDto): Promise<CompilationView[]> {
    const selection = await this.selection(scope, surveyId, dto);
    await this.dataSource.transaction((tx) => requestCompiles(tx, surveyId, selection));
    return this.list(scope, surveyId);
  }

  /**
   * A release: refused (409, nothing written) when no selected municipality could show new
   * figures; otherwise every selected one is compiled, audited, and released where the rule allows.
   */
  async release(scope: AccessScope, surveyId: string, dto: RequestCompileDto): Promise<CompilationView[]> {
    const selection = await this.selection(scope, surveyId, dto);
    const rows = (await compilationRows(this.dataSource, surveyId, selection.municipalityIds)).filter(
      (row) => dto.version === undefined || row.version === dto.version,
    );
    if (!rows.some(releasable)) {
      throw releaseNotAllowed(
        `No municipality has enough new responses for a release (each needs ${rows.length ? needs(rows[0]) : '2k'} since its last release)`,
      );
    }
    await this.dataSource.transaction((tx) => requestCompiles(tx, surveyId, { ...selection, release: true }));
    return this.list(scope, surveyId);
  }

  private async selection(scope: AccessScope, surveyId: string, dto: RequestCompileDto) {
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
    return { version: dto.version, municipalityIds };
  }
}

const needs = (row: CompilationRow) => releaseRule(row.disclosureK, row.releaseMinResponses);
/** The first release may show any number (below k it shows "fewer than k"); later ones need R new responses. */
const releasable = (row: CompilationRow) => (row.lastReleaseNo === null ? row.newResponses > 0 : row.newResponses >= needs(row));

function view(row: CompilationRow, bursts: string[]): CompilationView {
  return {
    surveyVersionId: row.surveyVersionId,
    version: row.version,
    municipality: { code: row.code, nameLt: row.nameLt, nameEn: row.nameEn },
    status: row.status,
    progress: row.progress,
    pending: row.pending,
    attempt: row.attempt,
    lastError: row.lastError,
    requestedAt: row.requestedAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    audit: row.audit,
    releaseWanted: row.releaseWanted,
    releaseOutcome: row.releaseOutcome,
    lastRelease: row.lastReleaseNo === null ? null : { number: row.lastReleaseNo, releasedOn: row.lastReleasedOn! },
    newResponses: row.newResponses,
    releaseNeeds: row.lastReleaseNo === null ? 1 : needs(row),
    burstDays: bursts,
  };
}
