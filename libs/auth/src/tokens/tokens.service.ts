import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordAudit } from '@app/audit';
import { rowsOf } from '@app/database';
import type { Principal } from '@app/http';
import { tokenNotFound } from '../auth.errors';

import type { ApiTokenView } from '../account-view';
export type { ApiTokenView } from '../account-view';

/** Bearer tokens (scripts): listed without their secrets (only hashes are stored anyway) and revoked. */
@Injectable()
export class TokensService {
  constructor(private readonly dataSource: DataSource) {}

  list(accountId: string, currentSessionId: string | null): Promise<ApiTokenView[]> {
    return this.dataSource.query(
      `SELECT id, label, created_at AS "createdAt", expires_at AS "expiresAt", id = $2::uuid IS TRUE AS current
         FROM auth_session WHERE account_id = $1 AND kind = 'bearer' AND revoked_at IS NULL AND expires_at > now()
        ORDER BY created_at DESC`,
      [accountId, currentSessionId],
    );
  }

  /** `ownerId` null: an admin revoking anyone's token; otherwise only the owner's own tokens are found. */
  async revoke(principal: Principal, tokenId: string, ownerId: string | null): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [row] = rowsOf<{ account_id: string }>(await tx.query(
        `UPDATE auth_session SET revoked_at = now()
          WHERE id = $1 AND kind = 'bearer' AND revoked_at IS NULL AND ($2::uuid IS NULL OR account_id = $2) RETURNING account_id`,
        [tokenId, ownerId],
      ));
      if (!row) throw tokenNotFound();
      await recordAudit(tx, { actor: principal, action: 'token.revoked', targetType: 'token', targetId: tokenId,
        details: { own: row.account_id === principal.accountId } });
    });
  }
}
