import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { MunicipalitiesModule } from '@app/municipalities';
import { SurveysModule } from '@app/surveys';

/** What operator commands need: the database and the feature services, no HTTP, no Redis. */
@Module({})
export class OperatorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: OperatorModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, MunicipalitiesModule, SurveysModule],
    };
  }
}
