import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@app/http';
import { CreateMunicipalityDto, PublicMunicipalityView, UpdateMunicipalityDto } from './dto/municipality.dto';
import { CreatePartnerOrganisationDto } from './dto/partner-organisation.dto';
import { MunicipalitiesService } from './municipalities.service';
import type { Municipality } from './municipality.entity';
import { ApiDoc, schema as s } from '@app/http';
import { municipalitySchema, partnerOrganisationSchema, publicMunicipalitySchema } from './municipalities.openapi';

const publicView = (m: Municipality): PublicMunicipalityView => ({ code: m.code, name: { lt: m.nameLt, en: m.nameEn } });

@ApiTags('public')
@Controller('public/municipalities')
export class PublicMunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Public()
  @Get()
  @ApiDoc('The partner municipalities, with names in LT and EN', { schema: s.list(publicMunicipalitySchema) })
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
  @ApiDoc('Municipalities (for forms)', { schema: s.list(municipalitySchema) })
  list() {
    return this.municipalities.list();
  }

  @Roles('admin')
  @Post('municipalities')
  @ApiDoc('Add a municipality', { status: 201, schema: municipalitySchema })
  create(@Body() dto: CreateMunicipalityDto) {
    return this.municipalities.create(dto);
  }

  @Roles('admin')
  @Patch('municipalities/:code')
  @ApiDoc('Rename a municipality', { schema: municipalitySchema })
  update(@Param('code') code: string, @Body() dto: UpdateMunicipalityDto) {
    return this.municipalities.update(code, dto);
  }

  // Staff choose partner organisations for meeting quotas; the list holds organisations, not people.
  @Roles('admin', 'researcher', 'staff')
  @Get('partner-organisations')
  @ApiDoc('Partner organisations (for meeting quotas)', { schema: s.list(partnerOrganisationSchema) })
  listPartners() {
    return this.municipalities.listPartners();
  }

  @Roles('admin')
  @Post('partner-organisations')
  @ApiDoc('Add a partner organisation', { status: 201, schema: partnerOrganisationSchema })
  createPartner(@Body() dto: CreatePartnerOrganisationDto) {
    return this.municipalities.createPartner(dto);
  }
}
