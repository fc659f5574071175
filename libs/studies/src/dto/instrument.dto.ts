import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import type { InstrumentRole } from '../study-view';

export const INSTRUMENT_ROLES: readonly InstrumentRole[] = ['resident_survey', 'focus_group_screener', 'observation_form', 'note_form'];

export class AttachInstrumentDto {
  @ApiProperty({ description: 'A survey with a published version (GET /api/surveys)' })
  @IsUUID('all', { message: 'surveyId must be a survey id' })
  surveyId: string;

  @ApiProperty({ enum: INSTRUMENT_ROLES })
  @IsIn(INSTRUMENT_ROLES, { message: `role must be one of: ${INSTRUMENT_ROLES.join(', ')}` })
  role: InstrumentRole;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Quasi-identifier -> question of this survey, where the names differ',
  })
  @IsOptional()
  @IsObject({ message: 'quasiIdentifierQuestions must be an object of quasi-identifier -> question name' })
  quasiIdentifierQuestions?: Record<string, string>;
}

export class UpdateInstrumentDto {
  @ApiPropertyOptional({ enum: INSTRUMENT_ROLES })
  @IsOptional()
  @IsIn(INSTRUMENT_ROLES, { message: `role must be one of: ${INSTRUMENT_ROLES.join(', ')}` })
  role?: InstrumentRole;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Replaces the mappings set for this instrument',
  })
  @IsOptional()
  @IsObject({ message: 'quasiIdentifierQuestions must be an object of quasi-identifier -> question name' })
  quasiIdentifierQuestions?: Record<string, string>;
}
