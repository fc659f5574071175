import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@app/database';
import type { AccessScope } from '@app/http';
import { invalidField } from '../consultations.errors';
import { MunicipalitiesService } from '@app/municipalities';
import type { SetTargetsDto } from '../dto/targets.dto';

import type { ParticipationRow } from '../meeting-view';
export type { ParticipationRow } from '../meeting-view';

/**
 * Participation against the project's targets, per municipality and meeting kind: counts of
 * places held and of people checked in, never names. Cancelled meetings do not count. Counts
 * survive the retention purge, which keeps status and attendance.
 */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  async report(scope: AccessScope): Promise<ParticipationRow[]> {
    return this.dataSource.query(
      `WITH counts AS (
         SELECT c.municipality_id, m.kind, count(DISTINCT m.id)::int AS meetings,
                count(s.id) FILTER (WHERE s.status = 'confirmed')::int AS confirmed,
                count(s.id) FILTER (WHERE s.attended_at IS NOT NULL)::int AS attended
           FROM meeting m JOIN consultation c ON c.id = m.consultation_id
           LEFT JOIN signup s ON s.meeting_id = m.id
          WHERE m.cancelled_at IS NULL
          GROUP BY GROUPING SETS ((c.municipality_id, m.kind), (m.kind))
       ), keys AS (
         SELECT municipality_id, kind FROM counts UNION SELECT municipality_id, kind FROM participation_target
       )
       SELECT mu.code AS "municipalityCode", k.kind, COALESCE(n.meetings, 0) AS meetings, COALESCE(n.confirmed, 0) AS confirmed,
              COALESCE(n.attended, 0) AS attended, t.target
         FROM keys k
         LEFT JOIN counts n ON n.kind = k.kind AND n.municipality_id IS NOT DISTINCT FROM k.municipality_id
         LEFT JOIN participation_target t ON t.kind = k.kind AND t.municipality_id IS NOT DISTINCT FROM k.municipality_id
         LEFT JOIN municipality mu ON mu.id = k.municipality_id
        WHERE CASE WHEN $1::uuid[] IS NULL THEN true ELSE k.municipality_id = ANY($1) END
        ORDER BY mu.code NULLS FIRST, k.kind`,
      [scope.municipalityIdsOrNull()],
    );
  }

  async setTargets(dto: SetTargetsDto): Promise<void> {
    const codes = dto.targets.flatMap((t) => (t.municipalityCode ? [t.municipalityCode] : []));
    const ids = await this.municipalities.idsForCodes(codes, 'targets');
    await this.dataSource
      .transaction(async (tx) => {
      await tx.query(`DELETE FROM participation_target`);
      for (const t of dto.targets) {
        await tx.query(`INSERT INTO participation_target (kind, municipality_id, target) VALUES ($1, $2, $3)`, [
          t.kind,
          t.municipalityCode ? ids.get(t.municipalityCode) : null,
          t.target,
        ]);
      }
    })
      .catch((error) => {
        if (pgErrorCode(error) !== PG_UNIQUE_VIOLATION) throw error;
        throw invalidField('TARGET_TWICE', 'targets', 'name the same kind and municipality twice');
      });
  }
}
