import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MunicipalitiesAdminController, PublicMunicipalitiesController } from './municipalities.controller';
import { MunicipalitiesService } from './municipalities.service';
import { Municipality } from './municipality.entity';
import { PartnerOrganisation } from './partner-organisation.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Municipality, PartnerOrganisation])],
  controllers: [PublicMunicipalitiesController, MunicipalitiesAdminController],
  providers: [MunicipalitiesService],
  exports: [MunicipalitiesService],
})
export class MunicipalitiesModule {}
