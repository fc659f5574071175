import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { AccessScope, CurrentPrincipal, CurrentScope, Roles, type Principal } from '@app/http';
import { CreateConsultationDto, OutcomeReportDto, UpdateConsultationDto } from '../dto/consultation.dto';
import { CreateMeetingDto } from '../dto/meeting.dto';
import { ConsultationsService } from './consultations.service';

/** Consultations and their meetings, for staff in their municipalities and for admins. */
@ApiTags('consultations')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin', 'staff')
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  list(@CurrentScope() scope: AccessScope) {
    return this.consultations.list(scope);
  }

  @Post()
  create(@CurrentScope() scope: AccessScope, @CurrentPrincipal() principal: Principal, @Body() dto: CreateConsultationDto) {
    return this.consultations.create(scope, principal.accountId, dto);
  }

  @Get(':id')
  get(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.consultations.get(scope, id);
  }

  @Patch(':id')
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateConsultationDto) {
    return this.consultations.update(principal, id, dto);
  }

  /** Publishes (or replaces) the outcome report and moves the consultation to 'reported'. */
  @Put(':id/report')
  publishReport(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: OutcomeReportDto) {
    return this.consultations.publishReport(principal, id, dto);
  }

  @Post(':id/meetings')
  @HttpCode(201)
  addMeeting(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateMeetingDto) {
    return this.consultations.addMeeting(scope, id, dto);
  }
}
