import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccessScope, CsvLanguageParam, CurrentPrincipal, CurrentScope, Roles, type CsvLanguage, type Principal } from '@app/http';
import { CheckInDto, StaffMessageDto, UpdateMeetingDto } from '../dto/meeting.dto';
import { ConsultationsService } from './consultations.service';
import { MeetingEditsService } from './meeting-edits.service';
import { MeetingRecordsService } from './meeting-records.service';
import { SignupListService } from './signup-list.service';
import { ApiDoc, schema as s } from '@app/http';
import { attendanceSheetSchema, checkInSchema, meetingEditSchema, messageHistorySchema, signupRowSchema } from '../consultations.openapi';

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
  @ApiDoc('Edit a meeting: time, place, capacity, deadline (promotes the waitlist, moves the reminder, tells everyone)', { schema: meetingEditSchema })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMeetingDto) {
    return this.edits.update(principal, id, dto);
  }

  @Get('signups')
  @ApiDoc('Everyone signed up, with contacts (staff only)', { schema: s.items(signupRowSchema) })
  async list(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return { items: await this.signups.list(scope, id) };
  }

  /** Named like signups-birzai-2026-12-12.csv; headers in ?lang=lt|en or the browser's language. */
  @Get('signups.csv')
  @ApiDoc('The sign-up list as CSV (Excel-friendly)', { produces: 'text/csv' })
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'lang', required: false, enum: ['lt', 'en'] })
  csv(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @CsvLanguageParam() language: CsvLanguage) {
    return this.signups.csv(principal, id, language);
  }

  @Get('attendance-sheet')
  @ApiDoc('The attendance sheet to print: those holding a place, by name', { schema: attendanceSheetSchema })
  attendanceSheet(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.records.attendanceSheet(scope, id);
  }

  @Post('attendance')
  @ApiDoc('Check someone in by code (on the meeting day, else with overrideReason)', { schema: checkInSchema })
  @HttpCode(200)
  checkIn(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CheckInDto) {
    return this.signups.checkIn(principal, id, dto);
  }

  @Get('messages')
  @ApiDoc('Messages sent to this meeting\'s people: kind, when, how many, a preview', { schema: s.items(messageHistorySchema) })
  async messageHistory(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return { items: await this.records.messageHistory(scope, id) };
  }

  /** Accepted: the messages are stored now and sent by the worker. */
  @Post('messages')
  @ApiDoc('Message everyone signed up (sent by the worker)', { status: 202, schema: s.object({ recipients: s.int }) })
  @HttpCode(202)
  message(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StaffMessageDto) {
    return this.signups.messageAll(principal, id, dto);
  }

  @Post('cancel')
  @ApiDoc('Cancel the meeting and tell everyone signed up', { schema: s.object({ notified: s.int }) })
  @HttpCode(200)
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.consultations.cancelMeeting(principal, id);
  }
}
