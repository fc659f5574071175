import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApiDoc, Public } from '@app/http';
import { WithdrawalService } from '../participants/withdrawal.service';
import { surveyConsentSchema, withdrawalSchema } from '../studies.openapi';
import { ConsentService } from './consent.service';

const WITHDRAWAL_HEADER = 'x-withdrawal-token';

/**
 * Residents' side of studies: the consent a survey asks for, and withdrawal through the link in a
 * receipt (the token travels in a header, read by the page from the link's fragment).
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicStudiesController {
  constructor(
    private readonly consent: ConsentService,
    private readonly withdrawals: WithdrawalService,
  ) {}

  @Get('surveys/:id/consent')
  @ApiDoc('The study consent a survey asks for before answers are accepted (409 while the study is not active)', {
    schema: surveyConsentSchema,
  })
  surveyConsent(@Param('id', ParseUUIDPipe) id: string) {
    return this.consent.forSurvey(id);
  }

  @Get('study-withdrawal')
  @ApiDoc('What a withdrawal link stands for (token in x-withdrawal-token)', { schema: withdrawalSchema })
  @ApiHeader({ name: WITHDRAWAL_HEADER, required: true })
  withdrawal(@Headers(WITHDRAWAL_HEADER) token: string | undefined) {
    return this.withdrawals.view(token);
  }

  @Post('study-withdrawal')
  @HttpCode(200)
  @ApiDoc('Withdraw from the study: personal data deleted or anonymised as the consent said (repeating changes nothing)', {
    schema: withdrawalSchema,
  })
  @ApiHeader({ name: WITHDRAWAL_HEADER, required: true })
  withdraw(@Headers(WITHDRAWAL_HEADER) token: string | undefined) {
    return this.withdrawals.withdraw(token);
  }
}
