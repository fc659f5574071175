import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '@app/municipalities';
import { ConsentService } from './consent/consent.service';
import { PublicStudiesController } from './consent/public-studies.controller';
import { InstrumentsService } from './instruments/instruments.service';
import { StudyRegistryModule } from './participants/study-registry';
import { WithdrawalService } from './participants/withdrawal.service';
import { PolicyService } from './policy/policy.service';
import { StudyPolicies } from './policy/study-policies';
import { StudiesController } from './studies/studies.controller';
import { StudiesService } from './studies/studies.service';

/**
 * The api side of studies. Other features use: ConsentService (a study's public consent),
 * StudyPolicies (exports), StudyRegistry (participants and retention sweeps, from StudyRegistryModule).
 */
@Module({
  imports: [MunicipalitiesModule, StudyRegistryModule],
  controllers: [StudiesController, PublicStudiesController],
  providers: [StudiesService, ConsentService, PolicyService, InstrumentsService, WithdrawalService, StudyPolicies],
  exports: [ConsentService, StudyPolicies],
})
export class StudiesModule {}
