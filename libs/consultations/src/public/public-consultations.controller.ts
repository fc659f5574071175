import { Body, Controller, Get, Header, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public, RateLimit } from '@app/http';
import { SignUpDto } from '../dto/signup.dto';
import { SignupsService } from '../signups/signups.service';
import { PublicConsultationsService } from './public-consultations.service';
import { ApiDoc, schema as s } from '@app/http';
import { consultationSchema, publicMeetingSchema, signupRequestedSchema, signupViewSchema } from '../consultations.openapi';

const MANAGE_HEADER = 'x-manage-token';

/**
 * Residents' side: no account, rate limited. The manage token travels in a header (the web page
 * reads it from the link's fragment), so it never lands in an access log.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicConsultationsController {
  constructor(
    private readonly consultations: PublicConsultationsService,
    private readonly signups: SignupsService,
  ) {}

  @Get('municipalities/:code/meetings')
  @ApiDoc('Upcoming meetings of a municipality', { schema: s.list(publicMeetingSchema) })
  upcoming(@Param('code') code: string) {
    return this.consultations.upcomingMeetings(code);
  }

  @Get('municipalities/:code/consultations')
  @ApiDoc('Consultations of a municipality', { schema: s.list(consultationSchema) })
  consultationsOf(@Param('code') code: string) {
    return this.consultations.consultations(code);
  }

  @Get('consultations/:id')
  @ApiDoc('A consultation with its meetings and outcome report', { schema: consultationSchema })
  consultation(@Param('id', ParseUUIDPipe) id: string) {
    return this.consultations.consultation(id);
  }

  @Get('meetings/:id')
  @ApiDoc('A meeting with the consent text of its sign-up form', { schema: publicMeetingSchema })
  meeting(@Param('id', ParseUUIDPipe) id: string) {
    return this.consultations.meeting(id);
  }

  /**
   * 202 `{ status: 'pending' }`, the same answer whether or not the contact had signed up already:
   * the place is taken when the contact opens the link sent to them (POST signup/confirm).
   */
  @Post('meetings/:id/signups')
  @HttpCode(202)
  @RateLimit({ signups: true })
  @ApiDoc('Ask for a place: the same answer whether or not the contact holds one already; the emailed link takes it', { status: 202, schema: signupRequestedSchema })
  signUp(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SignUpDto) {
    return this.signups.signUp(id, dto);
  }

  @Get('signup')
  @ApiDoc('Your sign-up (manage token in x-manage-token)', { schema: signupViewSchema })
  @ApiHeader({ name: MANAGE_HEADER, required: true })
  @Header('cache-control', 'no-store')
  get(@Headers(MANAGE_HEADER) token: string | undefined) {
    return this.signups.get(token);
  }

  /** The link from the email was opened: take a place (or a waitlist entry). Repeating it changes nothing. */
  @Post('signup/confirm')
  @ApiDoc('Take the place (or a waitlist entry) from the emailed link', { schema: signupViewSchema })
  @HttpCode(200)
  @ApiHeader({ name: MANAGE_HEADER, required: true })
  confirm(@Headers(MANAGE_HEADER) token: string | undefined) {
    return this.signups.confirm(token);
  }

  @Post('signup/cancel')
  @ApiDoc('Cancel your sign-up (the place goes to the waitlist)', { schema: signupViewSchema })
  @HttpCode(200)
  @ApiHeader({ name: MANAGE_HEADER, required: true })
  cancel(@Headers(MANAGE_HEADER) token: string | undefined) {
    return this.signups.cancel(token);
  }

  @Get('signup/calendar.ics')
  @ApiDoc('The meeting as an iCalendar file', { produces: 'text/calendar' })
  @ApiHeader({ name: MANAGE_HEADER, required: true })
  @ApiProduces('text/calendar')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="meeting.ics"')
  calendar(@Headers(MANAGE_HEADER) token: string | undefined) {
    return this.signups.calendar(token);
  }
}
