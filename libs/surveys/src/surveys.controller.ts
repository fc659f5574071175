import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Audited } from '@app/audit';
import { AccessScope, CsvLanguageParam, CurrentPrincipal, CurrentScope, Roles, type CsvLanguage, type Principal } from '@app/http';
import { CreateInvitationsDto } from './dto/invitation.dto';
import { CreateSurveyDto, NewVersionDto, UpdateSurveyDto } from './dto/survey.dto';
import { InvitationsService } from './invitations/invitations.service';
import { ResponseCountsService } from './responses/response-counts.service';
import { SurveysService } from './surveys.service';
import { ApiDoc, schema as s } from '@app/http';
import { createdSurveySchema, invitationSummarySchema, responseCountSchema, surveySchema, surveyVersionSchema } from './surveys.openapi';

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
  @ApiDoc('Surveys you may see (staff: of their municipalities)', { schema: s.list(surveySchema) })
  list(@CurrentScope() scope: AccessScope) {
    return this.surveys.list(scope);
  }

  @Post()
  @ApiDoc('Create a survey from a SurveyJS definition (version 1, a draft)', { status: 201, schema: createdSurveySchema })
  create(@CurrentScope() scope: AccessScope, @CurrentPrincipal() principal: Principal, @Body() dto: CreateSurveyDto) {
    return this.surveys.create(scope, principal.accountId, dto);
  }

  @Get(':id')
  @ApiDoc('One survey with its versions', { schema: surveySchema })
  get(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.surveys.get(scope, id);
  }

  @Patch(':id')
  @ApiDoc('Change a survey\'s settings (window, municipalities, k, breakdowns)', { schema: surveySchema })
  update(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSurveyDto) {
    return this.surveys.update(scope, id, dto);
  }

  @Post(':id/close')
  @ApiDoc('Close a survey now (results compile)', { status: 201, schema: surveySchema })
  close(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.surveys.close(scope, id);
  }

  @Post(':id/versions')
  @ApiDoc('Save a new draft version of the definition', { status: 201, schema: surveySchema })
  saveDraft(
    @CurrentScope() scope: AccessScope,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NewVersionDto,
  ) {
    return this.surveys.saveDraft(scope, principal.accountId, id, dto.definition);
  }

  @Get(':id/versions/:version')
  @ApiDoc('One version with its SurveyJS definition', { schema: surveyVersionSchema })
  getVersion(
    @CurrentScope() scope: AccessScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    return this.surveys.getVersion(scope, id, version);
  }

  @Post(':id/versions/:version/publish')
  @ApiDoc('Publish a version: residents answer it from now on', { status: 201, schema: surveySchema })
  publish(
    @CurrentScope() scope: AccessScope,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    return this.surveys.publish(scope, id, version);
  }

  @Get(':id/response-counts')
  @ApiDoc('Complete and partial responses per municipality and day (fieldwork)', { schema: s.list(responseCountSchema) })
  responseCounts(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.counts.perMunicipalityAndDay(scope, id);
  }

  /** Tokens are shown once, in this CSV: only their hashes are kept. */
  @Post(':id/invitations')
  @ApiDoc('Create single-use invitations, returned once as CSV (only hashes are kept)', { status: 201, produces: 'text/csv' })
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
  @ApiDoc('Invitations issued and used per municipality', { schema: s.list(invitationSummarySchema) })
  invitationSummary(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.summary(scope, id);
  }
}
