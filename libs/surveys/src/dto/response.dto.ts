import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { ResponseStatus } from '../response.entity';

/** Agreement to a study's consent: required (the current version) for every save of a response to a study instrument. */
export class ResponseConsentDto {
  @ApiProperty({ description: 'The consent version the resident read (GET /api/public/surveys/:id/consent)' })
  @IsUUID('all', { message: 'consent.versionId must be a consent version id' })
  versionId: string;

  @ApiProperty({ enum: [true] })
  @Equals(true, { message: 'consent.agreed must be true: answers are accepted only with agreement' })
  agreed: true;
}

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
  @IsObject({ message: 'answers must be an object of question name -> value' })
  answers: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'For invitation-only surveys: the token from the invitation link' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  invitationToken?: string;

  @ApiPropertyOptional({ type: ResponseConsentDto, description: 'For surveys that are instruments of a study: agreement to its current consent version' })
  @IsOptional()
  @IsObject({ message: 'consent must be an object { versionId, agreed: true }' })
  @ValidateNested()
  @Type(() => ResponseConsentDto)
  consent?: ResponseConsentDto;
}
