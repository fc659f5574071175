import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '@app/http';
import { SurveysService } from '../surveys.service';

import type { ResponseCountRow } from '../survey-view';
export type { ResponseCountRow } from '../survey-view';

/**
 * Fieldwork progress for staff and researchers: counts per municipality and day. Never individual
 * responses; staff see only their own municipalities' rows.
 */
@Injectable()
export class ResponseCountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveysService,
  ) {}

  async perMunicipalityAndDay(scope: AccessScope, surveyId: string): Promise<ResponseCountRow[]> {
    await this.surveys.get(scope, surveyId);
    return this.dataSource.query(
      `SELECT m.code AS "municipalityCode", r.day::text AS day,
              count(*) FILTER (WHERE r.status = 'complete')::int AS complete,
              count(*) FILTER (WHERE r.status = 'partial')::int AS partial
         FROM (SELECT municipality_id, status, COALESCE(submitted_on, started_on) AS day
                 FROM response WHERE survey_id = $1 AND ($2::uuid[] IS NULL OR municipality_id = ANY ($2))) r
         JOIN municipality m ON m.id = r.municipality_id
        GROUP BY m.code, r.day ORDER BY r.day, m.code`,
      [surveyId, scope.municipalityIdsOrNull()],
    );
  }
}
