import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessScope, CurrentPrincipal, CurrentScope, Roles, type Principal } from '@app/http';
import { CheckInDto, StaffMessageDto, UpdateMeetingDto } from '../dto/meeting.dto';
import { ConsultationsService } from './consultations.service';
import { MeetingEditsService } from './meeting-edits.service';
import { MeetingRecordsService } from './meeting-records.service';
import { SignupListService } from './signup-list.service';

/** One meeting: editing it, its sign-ups (list, CSV, attendance sheet), check-in, messages and their history, cancelling. */
@ApiTags('consultations')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin', 'staff')
@Controller('meetings/:id')
export class MeetingsController {
  constructor(
    private readonly signups: SignupListService,
    private readonly consultations: ConsultationsService,
    private readonly edits: MeetingEditsService,
    private readonly records: MeetingRecordsService,
  ) {}

  @Patch()
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMeetingDto) {
    return this.edits.update(principal, id, dto);
  }

  @Get('signups')
  async list(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return { items: await this.signups.list(scope, id) };
  }

  @Get('signups.csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="signups.csv"')
  @Header('cache-control', 'no-store')
  csv(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.signups.csv(scope, id);
  }

  @Get('attendance-sheet')
  attendanceSheet(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.records.attendanceSheet(scope, id);
  }

  @Post('attendance')
  @HttpCode(200)
  checkIn(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CheckInDto) {
    return this.signups.checkIn(principal, id, dto);
  }

  @Get('messages')
  async messageHistory(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return { items: await this.records.messageHistory(scope, id) };
  }

  /** Accepted: the messages are stored now and sent by the worker. */
  @Post('messages')
  @HttpCode(202)
  message(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StaffMessageDto) {
    return this.signups.messageAll(principal, id, dto);
  }

  @Post('cancel')
  @HttpCode(200)
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.consultations.cancelMeeting(principal, id);
  }
}
