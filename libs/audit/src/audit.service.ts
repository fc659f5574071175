import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditPageView, AuditQueryDto } from './dto/audit.dto';

/** The admin's view of the log, newest first, filtered and paged. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: AuditQueryDto): Promise<AuditPageView> {
    const where = `($1::text IS NULL OR l.action = $1) AND ($2::text IS NULL OR l.target_type = $2)
       AND ($3::uuid IS NULL OR l.target_id = $3) AND ($4::uuid IS NULL OR l.actor_account_id = $4)
       AND ($5::timestamptz IS NULL OR l.at >= $5) AND ($6::timestamptz IS NULL OR l.at < $6)`;
    const params = [query.action ?? null, query.targetType ?? null, query.targetId ?? null, query.actorAccountId ?? null, query.from ?? null, query.to ?? null];
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT l.id::text AS id, l.at, l.actor_account_id AS "actorAccountId", a.email AS "actorEmail", l.actor_role AS "actorRole",
                l.action, l.target_type AS "targetType", l.target_id AS "targetId", mu.code AS "municipalityCode", l.details
           FROM audit_log l LEFT JOIN account a ON a.id = l.actor_account_id LEFT JOIN municipality mu ON mu.id = l.municipality_id
          WHERE ${where} ORDER BY l.at DESC, l.id DESC LIMIT $7 OFFSET $8`,
        [...params, query.limit, query.offset],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log l WHERE ${where}`, params),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
