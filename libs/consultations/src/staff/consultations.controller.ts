import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { AccessScope, CurrentPrincipal, CurrentScope, Roles, type Principal } from '@app/http';
import { CreateConsultationDto, OutcomeReportDto, UpdateConsultationDto } from '../dto/consultation.dto';
import { CreateMeetingDto } from '../dto/meeting.dto';
import { ConsultationsService } from './consultations.service';
import { ApiDoc, schema as s } from '@app/http';
import { consultationSchema, meetingSchema } from '../consultations.openapi';

/** Consultations and their meetings, for staff in their municipalities and for admins. */
@ApiTags('consultations')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin', 'staff')
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  @ApiDoc('Consultations you may see (staff: of their municipalities)', { schema: s.list(consultationSchema) })
  list(@CurrentScope() scope: AccessScope) {
    return this.consultations.list(scope);
  }

  @Post()
  @ApiDoc('Create a consultation', { status: 201, schema: consultationSchema })
  create(@CurrentScope() scope: AccessScope, @CurrentPrincipal() principal: Principal, @Body() dto: CreateConsultationDto) {
    return this.consultations.create(scope, principal.accountId, dto);
  }

  @Get(':id')
  @ApiDoc('One consultation with its meetings', { schema: consultationSchema })
  get(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.consultations.get(scope, id);
  }

  @Patch(':id')
  @ApiDoc('Edit a consultation: phase, texts and institution in LT and EN', { schema: consultationSchema })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateConsultationDto) {
    return this.consultations.update(principal, id, dto);
  }

  /** Publishes (or replaces) the outcome report and moves the consultation to 'reported'. */
  @Put(':id/report')
  @ApiDoc('Publish the outcome report (409 MEETINGS_NOT_HELD unless confirmUnheldMeetings while meetings remain)', { schema: consultationSchema })
  publishReport(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: OutcomeReportDto) {
    return this.consultations.publishReport(principal, id, dto);
  }

  @Post(':id/meetings')
  @ApiDoc('Add a meeting (its reminder is planned)', { status: 201, schema: meetingSchema })
  @HttpCode(201)
  addMeeting(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateMeetingDto) {
    return this.consultations.addMeeting(principal, id, dto);
  }
}
