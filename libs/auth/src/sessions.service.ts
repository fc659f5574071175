import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Principal, Role } from '@app/http';
import type { SessionKind } from './auth-session.entity';
import { newSecretToken, sha256Hex } from './secrets';

export interface IssuedSession {
  token: string;
  csrfToken?: string;
  expiresAt: Date;
}

interface SessionRow {
  session_id: string;
  kind: SessionKind;
  csrf_token_hash: string | null;
  account_id: string;
  role: Role;
  municipality_ids: string[];
}

export interface ResolvedSession {
  principal: Principal;
  kind: SessionKind;
  csrfTokenHash: string | null;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Cookie sessions are short and carry a CSRF token; bearer tokens (scripts) live longer. */
  async issue(accountId: string, kind: SessionKind, label?: string): Promise<IssuedSession> {
    const token = newSecretToken();
    const csrfToken = kind === 'cookie' ? newSecretToken() : undefined;
    const ttlMs =
      kind === 'cookie' ? this.config.SESSION_TTL_HOURS * 3_600_000 : this.config.API_TOKEN_TTL_DAYS * 86_400_000;
    const expiresAt = new Date(Date.now() + ttlMs);
    await this.dataSource.query(
      `INSERT INTO auth_session (token_hash, csrf_token_hash, account_id, kind, label, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [sha256Hex(token), csrfToken ? sha256Hex(csrfToken) : null, accountId, kind, label ?? null, expiresAt],
    );
    return { token, csrfToken, expiresAt };
  }

  /** One query per authenticated request: the session, its account and the account's municipalities. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.kind, s.csrf_token_hash, a.id AS account_id, a.role,
              COALESCE(array_agg(am.municipality_id) FILTER (WHERE am.municipality_id IS NOT NULL), '{}') AS municipality_ids
         FROM auth_session s
         JOIN account a ON a.id = s.account_id
         LEFT JOIN account_municipality am ON am.account_id = a.id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.disabled_at IS NULL
        GROUP BY s.id, a.id`,
      [sha256Hex(token)],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      kind: row.kind,
      csrfTokenHash: row.csrf_token_hash,
      principal: {
        accountId: row.account_id,
        sessionId: row.session_id,
        role: row.role,
        municipalityIds: row.municipality_ids,
      },
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
    ]);
  }
}
