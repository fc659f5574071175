import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { SignupsWorker } from './worker/signups-worker';

/** The worker side of consultations: reminders and the retention purge. */
@Module({ imports: [JobsModule], providers: [SignupsWorker] })
export class ConsultationsWorkerModule {}
