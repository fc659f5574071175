import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { CurrentPrincipal, Public, Roles, type Principal } from '@app/http';
import { AccountsService } from './accounts.service';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.guard';
import { AuthService } from './auth.service';
import { CreateApiTokenDto, SignInDto } from './dto/sign-in.dto';
import { AcceptedView, ChangePasswordDto, PasswordResetDto, PasswordResetRequestDto } from './passwords/password.dto';
import { PasswordsService } from './passwords/passwords.service';
import { TokensService } from './tokens/tokens.service';
import { ApiDoc, schema as s } from '@app/http';
import { acceptedSchema, accountSchema, apiTokenSchema, issuedTokenSchema, signedInSchema } from './auth.openapi';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordsService,
    private readonly tokens: TokensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Web sign-in: an httpOnly session cookie, plus a CSRF token (in the body and a readable cookie)
   * that the web app echoes in X-CSRF-Token on every change.
   */
  @Public()
  @Post('sessions')
  @ApiDoc('Sign in (web): a session cookie and a CSRF token', { status: 201, schema: signedInSchema })
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
  @ApiDoc('Get an API token for scripts (opaque bearer token, shown once)', { status: 201, schema: issuedTokenSchema })
  @HttpCode(201)
  async createToken(@Body() dto: CreateApiTokenDto, @Req() request: FastifyRequest) {
    const { session } = await this.auth.signIn(dto.email, dto.password, request.ip, 'bearer', dto.label);
    return { token: session.token, tokenType: 'Bearer', expiresAt: session.expiresAt };
  }

  @ApiCookieAuth()
  @ApiBearerAuth()
  @Roles('admin', 'staff', 'researcher')
  @Get('me')
  @ApiDoc('The signed-in account', { schema: accountSchema })
  me(@CurrentPrincipal() principal: Principal) {
    return this.accounts.get(principal.accountId);
  }

  /** Ends the session used for this request (cookie or bearer token). */
  @ApiCookieAuth()
  @ApiBearerAuth()
  @Roles('admin', 'staff', 'researcher')
  @Delete('session')
  @ApiDoc('Sign out the session or token this request used', { status: 204 })
  @HttpCode(204)
  async signOut(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.signOut(principal.sessionId);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void reply.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  /** Needs the current password; every other session and token of the account ends. */
  @ApiCookieAuth()
  @ApiBearerAuth()
  @Roles('admin', 'staff', 'researcher')
  @Post('password')
  @ApiDoc('Change your password (needs the current one; ends your other sessions)', { status: 204 })
  @HttpCode(204)
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() dto: ChangePasswordDto) {
    await this.passwords.change(principal, dto);
  }

  /** Always 202, whether or not the address has an account; a link is e-mailed when it does. */
  @Public()
  @Post('password-reset')
  @ApiDoc('Ask for a password reset link by e-mail (same answer whether or not the address has an account)', { status: 202, schema: acceptedSchema })
  @HttpCode(202)
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto): Promise<AcceptedView> {
    await this.passwords.requestReset(dto);
    return { accepted: true };
  }

  /** The token from the e-mailed link; it works once. Every session of the account ends. */
  @Public()
  @Post('password-reset/confirm')
  @ApiDoc('Set a new password with the token from the reset e-mail (works once)', { status: 204 })
  @HttpCode(204)
  async resetPassword(@Body() dto: PasswordResetDto) {
    await this.passwords.reset(dto);
  }

  @ApiCookieAuth()
  @ApiBearerAuth()
  @Roles('admin', 'staff', 'researcher')
  @Get('tokens')
  @ApiDoc('Your API tokens (without their secrets)', { schema: s.items(apiTokenSchema) })
  async listTokens(@CurrentPrincipal() principal: Principal) {
    return { items: await this.tokens.list(principal.accountId, principal.sessionId) };
  }

  @ApiCookieAuth()
  @ApiBearerAuth()
  @Roles('admin', 'staff', 'researcher')
  @Delete('tokens/:tokenId')
  @ApiDoc('Revoke one of your API tokens', { status: 204 })
  @HttpCode(204)
  async revokeToken(@CurrentPrincipal() principal: Principal, @Param('tokenId', ParseUUIDPipe) tokenId: string) {
    await this.tokens.revoke(principal, tokenId, principal.accountId);
  }
}
