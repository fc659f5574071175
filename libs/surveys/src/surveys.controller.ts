import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Audited } from '@app/audit';
import { AccessScope, CsvLanguageParam, CurrentPrincipal, CurrentScope, Roles, type CsvLanguage, type Principal } from '@app/http';
import { CreateInvitationsDto } from './dto/invitation.dto';
import { CreateSurveyDto, NewVersionDto, UpdateSurveyDto } from './dto/survey.dto';
import { InvitationsService } from './invitations/invitations.service';
import { ResponseCountsService } from './responses/response-counts.service';
import { SurveysService } from './surveys.service';

/** Survey management for staff (their municipalities), researchers and admins. */
@ApiTags('surveys')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin', 'researcher', 'staff')
@Controller('surveys')
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly invitations: InvitationsService,
    private readonly counts: ResponseCountsService,
  ) {}

  @Get()
  list(@CurrentScope() scope: AccessScope) {
    return this.surveys.list(scope);
  }

  @Post()
  create(@CurrentScope() scope: AccessScope, @CurrentPrincipal() principal: Principal, @Body() dto: CreateSurveyDto) {
    return this.surveys.create(scope, principal.accountId, dto);
  }

  @Get(':id')
  get(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.surveys.get(scope, id);
  }

  @Patch(':id')
  update(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSurveyDto) {
    return this.surveys.update(scope, id, dto);
  }

  @Post(':id/close')
  close(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.surveys.close(scope, id);
  }

  @Post(':id/versions')
  saveDraft(
    @CurrentScope() scope: AccessScope,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NewVersionDto,
  ) {
    return this.surveys.saveDraft(scope, principal.accountId, id, dto.definition);
  }

  @Get(':id/versions/:version')
  getVersion(
    @CurrentScope() scope: AccessScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    return this.surveys.getVersion(scope, id, version);
  }

  @Post(':id/versions/:version/publish')
  publish(
    @CurrentScope() scope: AccessScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    return this.surveys.publish(scope, id, version);
  }

  @Get(':id/response-counts')
  responseCounts(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.counts.perMunicipalityAndDay(scope, id);
  }

  /** Tokens are shown once, in this CSV: only their hashes are kept. */
  @Post(':id/invitations')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'lang', required: false, enum: ['lt', 'en'] })
  @Audited('invitations.exported', 'survey')
  createInvitations(
    @CurrentScope() scope: AccessScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateInvitationsDto,
    @CsvLanguageParam() language: CsvLanguage,
  ) {
    return this.invitations.generateCsv(scope, id, dto, language);
  }

  @Get(':id/invitations')
  invitationSummary(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.summary(scope, id);
  }
}
