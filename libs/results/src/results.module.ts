import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '@app/municipalities';
import { SurveysModule } from '@app/surveys';
import { CompilationsService } from './releases/compilations.service';
import { ResultPlans } from './definition/result-plans';
import { PublicResultsController } from './public-results.controller';
import { PublicationService } from './publication.service';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';

/** The api side of results: reading, requesting compiles, publishing. Compiling is in ResultsWorkerModule. */
@Module({
  imports: [SurveysModule, MunicipalitiesModule],
  controllers: [ResultsController, PublicResultsController],
  providers: [ResultPlans, CompilationsService, ResultsService, PublicationService],
})
export class ResultsModule {}
