import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MunicipalitiesModule } from '@app/municipalities';
import { AnswerValidator } from './answers/answer-validator';
import { Invitation } from './invitation.entity';
import { InvitationsService } from './invitations/invitations.service';
import { PublicSurveysController } from './public-surveys.controller';
import { PublicSurveysService } from './public-surveys.service';
import { SurveyResponse } from './response.entity';
import { AddressLimit } from './responses/address-limit';
import { PublishedVersions } from './responses/published-versions';
import { ResponseCountsService } from './responses/response-counts.service';
import { ResponsesService } from './responses/responses.service';
import { Survey } from './survey.entity';
import { SurveyVersion } from './survey-version.entity';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';
import { SurveyImporter } from './survey-importer';

@Module({
  imports: [TypeOrmModule.forFeature([Survey, SurveyVersion, SurveyResponse, Invitation]), MunicipalitiesModule],
  controllers: [SurveysController, PublicSurveysController],
  providers: [
    SurveysService,
    PublicSurveysService,
    ResponsesService,
    ResponseCountsService,
    InvitationsService,
    PublishedVersions,
    AddressLimit,
    AnswerValidator,
    SurveyImporter,
  ],
  exports: [SurveysService, ResponsesService, SurveyImporter],
})
export class SurveysModule {}
