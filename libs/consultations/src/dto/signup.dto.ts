import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { LANGUAGES, type Language } from '../kinds';

/** Agreement to the consent of the study a meeting belongs to: its current version. */
export class StudyConsentDto {
  @ApiProperty({ description: 'The consent version shown with the meeting (GET /api/public/meetings/:id, study.consent)' })
  @IsUUID('all', { message: 'studyConsent.versionId must be a consent version id' })
  versionId: string;

  @ApiProperty({ enum: [true] })
  @Equals(true, { message: 'studyConsent.agreed must be true to sign up for a study meeting' })
  agreed: true;
}

export class SignUpDto {
  @ApiProperty({ example: 'Ona Onaitė' })
  @IsString({ message: 'name must be text' })
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'An email address: the link to confirm the sign-up is sent there', example: 'ona@example.lt' })
  @IsString({ message: 'contact must be an email address' })
  @MinLength(3, { message: 'contact must be an email address' })
  @MaxLength(320)
  contact: string;

  @ApiPropertyOptional({ description: 'Free text: the organisation the person comes from, if any' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organisation?: string;

  @ApiPropertyOptional({ description: 'Required for meetings with per-organisation quotas: which partner the seat counts for' })
  @IsOptional()
  @IsUUID('all', { message: 'partnerOrganisationId must be a partner organisation id' })
  partnerOrganisationId?: string;

  @ApiProperty({ description: 'Must be true: consent to the purpose and retention stated on the form' })
  @Equals(true, { message: 'consent must be given (true) to sign up' })
  consent: boolean;

  @ApiPropertyOptional({ type: StudyConsentDto, description: 'Required for a meeting that belongs to a study: agreement to its current consent' })
  @IsOptional()
  @IsObject({ message: 'studyConsent must be an object { versionId, agreed: true }' })
  @ValidateNested()
  @Type(() => StudyConsentDto)
  studyConsent?: StudyConsentDto;

  @ApiProperty({ enum: LANGUAGES, default: 'lt' })
  @IsIn(LANGUAGES, { message: 'language must be lt or en' })
  language: Language = 'lt';
}
