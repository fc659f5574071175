import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { recordAudit } from '@app/audit';
import { pgErrorCode, PG_UNIQUE_VIOLATION } from '@app/database';
import type { Principal } from '@app/http';
import { MunicipalitiesService } from '@app/municipalities';
import { accountNotFound, emailTaken, passwordRejected, staffNeedMunicipality } from './auth.errors';
import { passwordProblem } from './passwords/password-rules';
import type { AccountView, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';
import { hashPassword } from './secrets';

const ACCOUNT_VIEW_SQL = `
  SELECT a.id, a.email, a.display_name AS "displayName", a.role, a.disabled_at IS NOT NULL AS disabled,
         COALESCE(array_agg(m.code ORDER BY m.code) FILTER (WHERE m.code IS NOT NULL), '{}') AS "municipalityCodes"
    FROM account a
    LEFT JOIN account_municipality am ON am.account_id = a.id
    LEFT JOIN municipality m ON m.id = am.municipality_id`;

@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  list(): Promise<AccountView[]> {
    return this.dataSource.query(`${ACCOUNT_VIEW_SQL} GROUP BY a.id ORDER BY a.role, a.email`);
  }

  async get(id: string): Promise<AccountView> {
    const [view] = await this.dataSource.query(`${ACCOUNT_VIEW_SQL} WHERE a.id = $1 GROUP BY a.id`, [id]);
    if (!view) throw accountNotFound();
    return view;
  }

  /** The account and its municipalities are written in one transaction: never an unscoped staff account. */
  async create(dto: CreateAccountDto, actor: Principal): Promise<AccountView> {
    const problem = passwordProblem(dto.password, dto.email);
    if (problem) throw passwordRejected('password', problem);
    const codes = dto.role === 'staff' ? dto.municipalityCodes : [];
    if (dto.role === 'staff' && codes.length === 0) throw staffNeedMunicipality();
    const ids = await this.municipalities.idsForCodes(codes, 'municipalityCodes');
    const email = dto.email.trim().toLowerCase();
    const passwordHash = await hashPassword(dto.password);
    try {
      const id = await this.dataSource.transaction(async (tx) => {
        const [{ id }] = await tx.query(
          `INSERT INTO account (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
          [email, dto.displayName, passwordHash, dto.role],
        );
        if (ids.size) {
          await tx.query(
            `INSERT INTO account_municipality (account_id, municipality_id) SELECT $1, unnest($2::uuid[])`,
            [id, [...ids.values()]],
          );
        }
        await recordAudit(tx, { actor, action: 'account.created', targetType: 'account', targetId: id, details: { role: dto.role, municipalities: ids.size } });
        return id as string;
      });
      return this.get(id);
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw emailTaken(email);
      throw error;
    }
  }

  /** Name, disabled state and (staff) municipalities, in one transaction; disabling ends every session. */
  async update(id: string, dto: UpdateAccountDto, actor: Principal): Promise<AccountView> {
    const account = await this.get(id);
    if (dto.municipalityCodes && account.role === 'staff' && dto.municipalityCodes.length === 0) {
      throw staffNeedMunicipality();
    }
    const ids =
      dto.municipalityCodes && account.role === 'staff'
        ? [...(await this.municipalities.idsForCodes(dto.municipalityCodes, 'municipalityCodes')).values()]
        : null;
    await this.dataSource.transaction(async (tx) => {
      if (dto.displayName !== undefined) {
        await tx.query(`UPDATE account SET display_name = $2 WHERE id = $1`, [id, dto.displayName]);
      }
      if (dto.disabled !== undefined) {
        await tx.query(`UPDATE account SET disabled_at = CASE WHEN $2 THEN COALESCE(disabled_at, now()) END WHERE id = $1`, [
          id,
          dto.disabled,
        ]);
        if (dto.disabled) {
          await tx.query(`UPDATE auth_session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [id]);
        }
      }
      if (ids) {
        await tx.query(`DELETE FROM account_municipality WHERE account_id = $1`, [id]);
        await tx.query(
          `INSERT INTO account_municipality (account_id, municipality_id) SELECT $1, unnest($2::uuid[])`,
          [id, ids],
        );
      }
      const fields = Object.entries(dto).filter(([, value]) => value !== undefined).map(([key]) => key);
      await recordAudit(tx, { actor, action: 'account.updated', targetType: 'account', targetId: id,
        details: { fields, ...(dto.disabled !== undefined ? { disabled: dto.disabled } : {}) } });
    });
    return this.get(id);
  }
}
