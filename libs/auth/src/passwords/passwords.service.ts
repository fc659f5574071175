import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { rowsOf } from '@app/database';
import type { Principal } from '@app/http';
import { enqueueMessages } from '@app/mail';
import { accountNotFound, currentPasswordWrong, passwordRejected, resetTokenInvalid } from '../auth.errors';
import { hashPassword, newSecretToken, sha256Hex, verifyPassword } from '../secrets';
import type { ChangePasswordDto, PasswordResetDto, PasswordResetRequestDto, SetPasswordDto } from './password.dto';
import { passwordProblem } from './password-rules';
import { passwordResetMessage } from './reset-message';

/** At most this many reset e-mails per account per hour, so the form cannot be used to flood an inbox. */
const RESETS_PER_HOUR = 3;

/**
 * Passwords: change (knowing the current one), reset by e-mail (a single-use, expiring token
 * stored as its hash), and set by an admin. Every path ends the account's other sessions and
 * leaves an audit entry without the password or the e-mail.
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async change(principal: Principal, dto: ChangePasswordDto): Promise<void> {
    const account = await this.account(this.dataSource.manager, principal.accountId);
    if (!(await verifyPassword(account.password_hash, dto.currentPassword))) throw currentPasswordWrong();
    this.check('newPassword', dto.newPassword, account.email);
    const hash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (tx) => {
      await this.store(tx, account.id, hash, principal.sessionId);
      await recordAudit(tx, { actor: principal, action: 'account.password_changed', targetType: 'account', targetId: account.id });
    });
  }

  /**
   * Answers the same whether or not the e-mail belongs to an account (the controller always says
   * "accepted"), so the form tells nobody which addresses have accounts.
   */
  async requestReset(dto: PasswordResetRequestDto): Promise<void> {
    const email = dto.email.trim().toLowerCase();
    await this.dataSource.transaction(async (tx) => {
      const [account] = await tx.query(`SELECT id FROM account WHERE email = $1 AND disabled_at IS NULL FOR UPDATE`, [email]);
      if (!account) return;
      const [{ recent }] = await tx.query(
        `SELECT count(*)::int AS recent FROM password_reset WHERE account_id = $1 AND created_at > now() - interval '1 hour'`,
        [account.id],
      );
      if (recent >= RESETS_PER_HOUR) return;
      const token = newSecretToken();
      await tx.query(
        `INSERT INTO password_reset (account_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`,
        [account.id, sha256Hex(token), this.config.PASSWORD_RESET_TTL_MINUTES],
      );
      // The token rides in the fragment, which browsers never send: it stays out of access logs.
      const link = `${baseUrl(this.config)}/password-reset#${token}`;
      await enqueueMessages(tx, [passwordResetMessage(email, link, this.config.PASSWORD_RESET_TTL_MINUTES)]);
      await recordAudit(tx, { actor: null, action: 'account.password_reset_requested', targetType: 'account', targetId: account.id });
    });
  }

  /** Single use: the token row is taken with a lock and marked used in the same transaction as the new password. */
  async reset(dto: PasswordResetDto): Promise<void> {
    const [found] = await this.dataSource.query(
      `SELECT r.id, a.email FROM password_reset r JOIN account a ON a.id = r.account_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND a.disabled_at IS NULL`,
      [sha256Hex(dto.token)],
    );
    if (!found) throw resetTokenInvalid();
    this.check('newPassword', dto.newPassword, found.email);
    const hash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (tx) => {
      const [reset] = rowsOf<{ account_id: string }>(await tx.query(
        `UPDATE password_reset SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING account_id`,
        [found.id],
      ));
      if (!reset) throw resetTokenInvalid();
      await this.store(tx, reset.account_id, hash, null);
      // Other links sent earlier stop working too.
      await tx.query(`UPDATE password_reset SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [reset.account_id]);
      await recordAudit(tx, { actor: null, action: 'account.password_reset', targetType: 'account', targetId: reset.account_id });
    });
  }

  async setByAdmin(principal: Principal, accountId: string, dto: SetPasswordDto): Promise<void> {
    const account = await this.account(this.dataSource.manager, accountId);
    this.check('newPassword', dto.newPassword, account.email);
    const hash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (tx) => {
      await this.store(tx, account.id, hash, account.id === principal.accountId ? principal.sessionId : null);
      await recordAudit(tx, { actor: principal, action: 'account.password_set_by_admin', targetType: 'account', targetId: account.id });
    });
  }

  private check(field: string, password: string, email: string): void {
    const problem = passwordProblem(password, email);
    if (problem) throw passwordRejected(field, problem);
  }

  private async account(db: EntityManager, id: string): Promise<{ id: string; email: string; password_hash: string }> {
    const [account] = await db.query(`SELECT id, email, password_hash FROM account WHERE id = $1`, [id]);
    if (!account) throw accountNotFound();
    return account;
  }

  /** The new hash, and every session but `keepSessionId` ended: whoever knew the old password is out. */
  private async store(tx: EntityManager, accountId: string, hash: string, keepSessionId: string | null): Promise<void> {
    await tx.query(`UPDATE account SET password_hash = $2, password_changed_at = now() WHERE id = $1`, [accountId, hash]);
    await tx.query(
      `UPDATE auth_session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2)`,
      [accountId, keepSessionId],
    );
  }
}

const baseUrl = (config: AppConfig) => config.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? `http://${config.HOST}:${config.PORT}`;
