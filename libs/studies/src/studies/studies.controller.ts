import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc, CurrentPrincipal, Roles, schema as s, type Principal } from '@app/http';
import { ConsentService } from '../consent/consent.service';
import { NewConsentVersionDto } from '../dto/consent.dto';
import { AttachInstrumentDto, UpdateInstrumentDto } from '../dto/instrument.dto';
import { StudyPolicyDto } from '../dto/policy.dto';
import { CreateStudyDto, StudyStatusDto, UpdateStudyDto } from '../dto/study.dto';
import { InstrumentsService } from '../instruments/instruments.service';
import { PolicyService } from '../policy/policy.service';
import { consentVersionSchema, researcherOptionSchema, studySchema, studySummarySchema } from '../studies.openapi';
import { StudiesService } from './studies.service';

/**
 * Studies for researchers (their own), admins (all) and staff (read only: the active and closed
 * studies of their municipalities). Who sees what is decided in StudyAccess; changes need
 * researcher or admin here, and then being responsible for the study there.
 */
@ApiTags('studies')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin', 'researcher', 'staff')
@Controller('studies')
export class StudiesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly consent: ConsentService,
    private readonly policy: PolicyService,
    private readonly instruments: InstrumentsService,
  ) {}

  @Get()
  @ApiDoc('Studies you may see', { schema: s.list(studySummarySchema) })
  list(@CurrentPrincipal() principal: Principal) {
    return this.studies.list(principal);
  }

  @Post()
  @Roles('admin', 'researcher')
  @ApiDoc('Create a study (a draft, with its pseudonym key)', { status: 201, schema: studySchema })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateStudyDto) {
    return this.studies.create(principal, dto);
  }

  @Get('researchers')
  @Roles('admin', 'researcher')
  @ApiDoc('Accounts that may be responsible for a study (researchers and admins)', { schema: s.list(researcherOptionSchema) })
  researchers() {
    return this.studies.researcherOptions();
  }

  @Get(':id')
  @ApiDoc('One study: instruments, consent, policies, meetings', { schema: studySchema })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.studies.get(principal, id);
  }

  @Patch(':id')
  @Roles('admin', 'researcher')
  @ApiDoc('Change titles, purpose, ethics reference, municipalities, researchers', { schema: studySchema })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateStudyDto) {
    return this.studies.update(principal, id, dto);
  }

  @Post(':id/status')
  @Roles('admin', 'researcher')
  @HttpCode(200)
  @ApiDoc('Start (needs ethics and consent), close or reopen fieldwork', { schema: studySchema })
  setStatus(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StudyStatusDto) {
    return this.studies.setStatus(principal, id, dto.status);
  }

  @Get(':id/consent-versions')
  @ApiDoc('Every consent version, newest first', { schema: s.list(consentVersionSchema) })
  consentVersions(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.consent.versions(principal, id);
  }

  @Post(':id/consent-versions')
  @Roles('admin', 'researcher')
  @ApiDoc('Edit consent: a new version, current from now on (versions never change)', { status: 201, schema: consentVersionSchema })
  addConsentVersion(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: NewConsentVersionDto) {
    return this.consent.addVersion(principal, id, dto);
  }

  @Put(':id/policy')
  @Roles('admin', 'researcher')
  @ApiDoc('Retention per data class, withdrawal and anonymisation policy (new terms make a new consent version)', { schema: studySchema })
  updatePolicy(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StudyPolicyDto) {
    return this.policy.update(principal, id, dto);
  }

  @Post(':id/instruments')
  @Roles('admin', 'researcher')
  @ApiDoc('Attach a published survey as an instrument (a survey belongs to at most one study)', { status: 201, schema: studySchema })
  attach(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AttachInstrumentDto) {
    return this.instruments.attach(principal, id, dto);
  }

  @Patch(':id/instruments/:surveyId')
  @Roles('admin', 'researcher')
  @ApiDoc("Change an instrument's role or quasi-identifier questions", { schema: studySchema })
  updateInstrument(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('surveyId', ParseUUIDPipe) surveyId: string,
    @Body() dto: UpdateInstrumentDto,
  ) {
    return this.instruments.update(principal, id, surveyId, dto);
  }

  @Delete(':id/instruments/:surveyId')
  @Roles('admin', 'researcher')
  @ApiDoc("Detach an instrument (refused once responses were given under the study's consent)", { schema: studySchema })
  detach(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('surveyId', ParseUUIDPipe) surveyId: string,
  ) {
    return this.instruments.detach(principal, id, surveyId);
  }
}
