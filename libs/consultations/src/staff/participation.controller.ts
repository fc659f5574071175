import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { AccessScope, CurrentScope, Roles } from '@app/http';
import { SetTargetsDto } from '../dto/targets.dto';
import { ParticipationService } from './participation.service';
import { ApiDoc, schema as s } from '@app/http';
import { participationSchema } from '../consultations.openapi';

@ApiTags('consultations')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('participation')
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  /** Staff see their municipalities; admins and researchers also the totals over all. */
  @Get()
  @ApiDoc('Participation against targets, per municipality and meeting kind (counts only)', { schema: s.items(participationSchema) })
  @Roles('admin', 'researcher', 'staff')
  async report(@CurrentScope() scope: AccessScope) {
    return { items: await this.participation.report(scope) };
  }

  @Put('targets')
  @ApiDoc('Replace the participation targets', { status: 204 })
  @Roles('admin')
  @HttpCode(204)
  async setTargets(@Body() dto: SetTargetsDto) {
    await this.participation.setTargets(dto);
  }
}
