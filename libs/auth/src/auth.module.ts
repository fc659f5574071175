import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MunicipalitiesModule } from '@app/municipalities';
import { Account } from './account.entity';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AuthSession } from './auth-session.entity';
import { PasswordsService } from './passwords/passwords.service';
import { TokensService } from './tokens/tokens.service';
import { RateLimitsService } from './rate-limits.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Account, AuthSession]), MunicipalitiesModule],
  controllers: [AuthController, AccountsController],
  providers: [
    AuthService,
    AccountsService,
    SessionsService,
    RateLimitsService,
    PasswordsService,
    TokensService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccountsService, RateLimitsService],
})
export class AuthModule {}
