import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { StudyRegistryModule } from '@app/studies';
import { SignupParticipants } from './signups/signup-participants';
import { SignupsWorker } from './worker/signups-worker';

/** The worker side of consultations: reminders, the retention purge, and study sign-ups for the study retention sweep. */
@Module({ imports: [JobsModule, StudyRegistryModule], providers: [SignupsWorker, SignupParticipants] })
export class ConsultationsWorkerModule {}
