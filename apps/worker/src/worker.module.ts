import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, type AppConfig } from '@app/config';
import { ConsultationsWorkerModule, SignupManageLinks } from '@app/consultations';
import { WorkerDatabaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { MailWorkerModule } from '@app/mail';
import { ResultsWorkerModule } from '@app/results';
import { StudiesWorkerModule, StudyWithdrawalLinks } from '@app/studies';

/** The worker is composition only, like the api: the processors live in libs/. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        // Jobs log their ids and reasons only; never answers or personal data.
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        WorkerDatabaseModule,
        JobsModule,
        ResultsWorkerModule,
        ConsultationsWorkerModule,
        StudiesWorkerModule,
        MailWorkerModule.forRoot(SignupManageLinks, StudyWithdrawalLinks),
      ],
    };
  }
}
