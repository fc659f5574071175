import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { ResponseStatus } from '../response.entity';

export class SaveResponseDto {
  @ApiProperty({ description: 'The published version the resident answered' })
  @IsUUID('all', { message: 'surveyVersionId must be a UUID' })
  surveyVersionId: string;

  @ApiProperty({ example: 'birzai' })
  @Matches(/^[a-z0-9-]+$/, { message: 'municipalityCode must be a municipality code' })
  municipalityCode: string;

  @ApiProperty({ example: 'lt' })
  @Matches(/^[a-z]{2}$/, { message: 'language must be a two-letter code such as lt or en' })
  language: string;

  @ApiProperty({ enum: ['partial', 'complete'] })
  @IsIn(['partial', 'complete'], { message: 'status must be partial or complete' })
  status: ResponseStatus;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'SurveyJS data: question name -> value' })
  // Taken out of the body before validation (responses/raw-answers.ts) and judged by the answer
  // validator, which names every key it refuses; here it is only documented.
  @IsOptional()
  @IsObject()
  answers: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'For invitation-only surveys: the token from the invitation link' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  invitationToken?: string;
}
