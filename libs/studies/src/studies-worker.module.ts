import { Module } from '@nestjs/common';
import { JobsModule } from '@app/jobs';
import { StudyRegistryModule } from './participants/study-registry';
import { StudyPolicies } from './policy/study-policies';
import { StudiesWorker } from './retention/studies-worker';

/** The worker side of studies: the retention sweep (and the policies, for export jobs). */
@Module({ imports: [JobsModule, StudyRegistryModule], providers: [StudiesWorker, StudyPolicies], exports: [StudyPolicies] })
export class StudiesWorkerModule {}
