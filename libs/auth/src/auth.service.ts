import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Account } from './account.entity';
import { wrongCredentials } from './auth.errors';
import { RateLimitsService } from './rate-limits.service';
import { hashPassword, verifyPassword } from './secrets';
import { SessionsService, type IssuedSession } from './sessions.service';
import type { SessionKind } from './auth-session.entity';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so timing does not reveal which emails exist. */
  private readonly decoyHash = hashPassword('decoy password that matches nothing');

  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly sessions: SessionsService,
    private readonly rateLimits: RateLimitsService,
  ) {}

  async signIn(
    rawEmail: string,
    password: string,
    clientAddress: string,
    kind: SessionKind,
    label?: string,
  ): Promise<{ account: Account; session: IssuedSession }> {
    const email = rawEmail.trim().toLowerCase();
    // Counted before the password is checked: a burst of guesses gets at most the limit checked.
    await this.rateLimits.beginSignIn(email, clientAddress);
    const account = await this.accounts
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.email = :email AND a.disabledAt IS NULL', { email })
      .getOne();
    const valid = await verifyPassword(account?.passwordHash ?? (await this.decoyHash), password);
    if (!account || !valid) throw wrongCredentials();
    await this.rateLimits.signInSucceeded(email, clientAddress);
    return { account, session: await this.sessions.issue(account.id, kind, label) };
  }

  signOut(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId);
  }
}
