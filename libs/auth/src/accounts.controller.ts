import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/http';
import { AccountsService } from './accounts.service';
import { CreateAccountDto, UpdateAccountDto } from './dto/account.dto';
import { SetPasswordDto } from './passwords/password.dto';
import { PasswordsService } from './passwords/passwords.service';
import { TokensService } from './tokens/tokens.service';
import { ApiDoc, schema as s } from '@app/http';
import { accountSchema, apiTokenSchema } from './auth.openapi';

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('admin/accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordsService,
    private readonly tokens: TokensService,
  ) {}

  @Roles('admin')
  @Get()
  @ApiDoc('All accounts', { schema: s.list(accountSchema) })
  list() {
    return this.accounts.list();
  }

  @Roles('admin')
  @Get(':id')
  @ApiDoc('One account', { schema: accountSchema })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.accounts.get(id);
  }

  @Roles('admin')
  @Post()
  @ApiDoc('Create an account (staff need at least one municipality)', { status: 201, schema: accountSchema })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateAccountDto) {
    return this.accounts.create(dto, principal);
  }

  @Roles('admin')
  @Patch(':id')
  @ApiDoc('Rename, disable (signs out everywhere) or re-scope an account', { schema: accountSchema })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAccountDto) {
    return this.accounts.update(id, dto, principal);
  }

  /** Sets a new password and signs the account out everywhere (the admin tells its owner). */
  @Roles('admin')
  @Post(':id/password')
  @ApiDoc('Set an account\'s password (signs it out everywhere)', { status: 204 })
  @HttpCode(204)
  async setPassword(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SetPasswordDto) {
    await this.passwords.setByAdmin(principal, id, dto);
  }

  @Roles('admin')
  @Get(':id/tokens')
  @ApiDoc('An account\'s API tokens (without their secrets)', { schema: s.items(apiTokenSchema) })
  async listTokens(@Param('id', ParseUUIDPipe) id: string) {
    await this.accounts.get(id);
    return { items: await this.tokens.list(id, null) };
  }

  @Roles('admin')
  @Delete(':id/tokens/:tokenId')
  @ApiDoc('Revoke an account\'s API token', { status: 204 })
  @HttpCode(204)
  async revokeToken(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('tokenId', ParseUUIDPipe) tokenId: string,
  ) {
    await this.tokens.revoke(principal, tokenId, id);
  }
}
