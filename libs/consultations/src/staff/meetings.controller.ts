import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessScope, CurrentScope, Roles } from '@app/http';
import { CheckInDto, StaffMessageDto } from '../dto/meeting.dto';
import { ConsultationsService } from './consultations.service';
import { SignupListService } from './signup-list.service';

/** One meeting's sign-ups: list, CSV, check-in, messages, cancelling the meeting. */
@ApiTags('consultations')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin', 'staff')
@Controller('meetings/:id')
export class MeetingsController {
  constructor(
    private readonly signups: SignupListService,
    private readonly consultations: ConsultationsService,
  ) {}

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

  @Post('attendance')
  @HttpCode(200)
  checkIn(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CheckInDto) {
    return this.signups.checkIn(scope, id, dto.code);
  }

  /** Accepted: the messages are stored now and sent by the worker. */
  @Post('messages')
  @HttpCode(202)
  message(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StaffMessageDto) {
    return this.signups.messageAll(scope, id, dto);
  }

  @Post('cancel')
  @HttpCode(200)
  cancel(@CurrentScope() scope: AccessScope, @Param('id', ParseUUIDPipe) id: string) {
    return this.consultations.cancelMeeting(scope, id);
  }
}
