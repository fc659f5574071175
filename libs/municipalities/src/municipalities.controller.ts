import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@app/http';
import { CreateMunicipalityDto, PublicMunicipalityView, UpdateMunicipalityDto } from './dto/municipality.dto';
import { CreatePartnerOrganisationDto } from './dto/partner-organisation.dto';
import { MunicipalitiesService } from './municipalities.service';
import type { Municipality } from './municipality.entity';

const publicView = (m: Municipality): PublicMunicipalityView => ({ code: m.code, name: { lt: m.nameLt, en: m.nameEn } });

@ApiTags('public')
@Controller('public/municipalities')
export class PublicMunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Public()
  @Get()
  async list(): Promise<PublicMunicipalityView[]> {
    return (await this.municipalities.list()).map(publicView);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class MunicipalitiesAdminController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Roles('admin', 'researcher', 'staff')
  @Get('municipalities')
  list() {
    return this.municipalities.list();
  }

  @Roles('admin')
  @Post('municipalities')
  create(@Body() dto: CreateMunicipalityDto) {
    return this.municipalities.create(dto);
  }

  @Roles('admin')
  @Patch('municipalities/:code')
  update(@Param('code') code: string, @Body() dto: UpdateMunicipalityDto) {
    return this.municipalities.update(code, dto);
  }

  // Staff choose partner organisations for meeting quotas; the list holds organisations, not people.
  @Roles('admin', 'researcher', 'staff')
  @Get('partner-organisations')
  listPartners() {
    return this.municipalities.listPartners();
  }

  @Roles('admin')
  @Post('partner-organisations')
  createPartner(@Body() dto: CreatePartnerOrganisationDto) {
    return this.municipalities.createPartner(dto);
  }
}
