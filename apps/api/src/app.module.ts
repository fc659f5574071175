import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { ConfigModule, type AppConfig } from '@app/config';
import { ConsultationsModule } from '@app/consultations';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/http';
import { MunicipalitiesModule } from '@app/municipalities';
import { RedisModule } from '@app/redis';
import { ResultsModule } from '@app/results';
import { StudiesModule } from '@app/studies';
import { SurveysModule } from '@app/surveys';
import { loggingParams } from './logging';

/** The api is only composition: every feature lives in libs/. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggingParams(config)),
        DatabaseModule,
        RedisModule,
        HealthModule,
        AuthModule,
        MunicipalitiesModule,
        SurveysModule,
        ResultsModule,
        ConsultationsModule,
        StudiesModule,
        AuditModule,
      ],
    };
  }
}
