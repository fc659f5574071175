import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { CurrentPrincipal, Public, Roles, type Principal } from '@app/http';
import { AccountsService } from './accounts.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.guard';
import { AuthService } from './auth.service';
import { CreateApiTokenDto, SignInDto } from './dto/sign-in.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Web sign-in: an httpOnly session cookie, plus a CSRF token (in the body and a readable cookie)
   * that the web app echoes in X-CSRF-Token on every change.
   */
  @Public()
  @Post('sessions')
  @HttpCode(201)
  async signIn(@Body() dto: SignInDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { account, session } = await this.auth.signIn(dto.email, dto.password, request.ip, 'cookie');
    const cookie = { path: '/', sameSite: 'lax' as const, secure: this.config.COOKIE_SECURE, expires: session.expiresAt };
    void reply.setCookie(SESSION_COOKIE, session.token, { ...cookie, httpOnly: true });
    void reply.setCookie(CSRF_COOKIE, session.csrfToken!, { ...cookie, httpOnly: false });
    return { account: await this.accounts.get(account.id), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  /** API clients (a researcher's R script): a bearer token, shown once. */
  @Public()
  @Post('tokens')
  @HttpCode(201)
  async createToken(@Body() dto: CreateApiTokenDto, @Req() request: FastifyRequest) {
    const { session } = await this.auth.signIn(dto.email, dto.password, request.ip, 'bearer', dto.label);
    return { token: session.token, tokenType: 'Bearer', expiresAt: session.expiresAt };
  }

  @ApiCookieAuth()
  @ApiBearerAuth()
  @Roles('admin', 'staff', 'researcher')
  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    return this.accounts.get(principal.accountId);
  }

  /** Ends the session used for this request (cookie or bearer token). */
  @ApiCookieAuth()
  @ApiBearerAuth()
  @Roles('admin', 'staff', 'researcher')
  @Delete('session')
  @HttpCode(204)
  async signOut(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.signOut(principal.sessionId);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void reply.clearCookie(CSRF_COOKIE, { path: '/' });
  }
}
