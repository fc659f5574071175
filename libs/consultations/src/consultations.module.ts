import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '@app/municipalities';
import { StudiesModule, StudyRegistryModule } from '@app/studies';
import { PublicConsultationsController } from './public/public-consultations.controller';
import { PublicConsultationsService } from './public/public-consultations.service';
import { SignupParticipants } from './signups/signup-participants';
import { SignupsService } from './signups/signups.service';
import { ConsultationsController } from './staff/consultations.controller';
import { ConsultationsService } from './staff/consultations.service';
import { MeetingEditsService } from './staff/meeting-edits.service';
import { MeetingRecordsService } from './staff/meeting-records.service';
import { MeetingsController } from './staff/meetings.controller';
import { ParticipationController } from './staff/participation.controller';
import { ParticipationService } from './staff/participation.service';
import { SignupListService } from './staff/signup-list.service';

/** The api side of consultations, meetings and sign-ups. Reminders and purging are in ConsultationsWorkerModule. */
@Module({
  imports: [MunicipalitiesModule, StudiesModule, StudyRegistryModule],
  controllers: [ConsultationsController, MeetingsController, ParticipationController, PublicConsultationsController],
  providers: [ConsultationsService, MeetingEditsService, MeetingRecordsService, SignupListService, ParticipationService, PublicConsultationsService, SignupsService, SignupParticipants],
})
export class ConsultationsModule {}
