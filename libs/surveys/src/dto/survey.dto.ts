import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';
import { ACCESS_MODES, type AccessMode } from '../survey.entity';

const CODE = /^[a-z0-9-]+$/;

/** When residents may answer; either end may be open. */
export class SurveyWindowDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'opensAt must be an ISO date-time' })
  opensAt?: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'closesAt must be an ISO date-time' })
  closesAt?: Date | null;
}

export class CreateSurveyDto extends SurveyWindowDto {
  @ApiProperty({ example: 'resident-survey' })
  @Matches(CODE, { message: 'slug must be lowercase letters, digits and dashes' })
  @MaxLength(80)
  slug: string;

  @ApiProperty({ description: 'SurveyJS JSON definition; becomes version 1 (a draft until published)' })
  @IsObject({ message: 'definition must be a SurveyJS JSON object' })
  definition: Record<string, unknown>;

  @ApiProperty({ enum: ACCESS_MODES, default: 'public' })
  @IsIn(ACCESS_MODES as AccessMode[], { message: `accessMode must be one of: ${ACCESS_MODES.join(', ')}` })
  accessMode: AccessMode = 'public';

  @ApiProperty({ default: true, description: 'Responses keep no link to invitations, exact times or devices' })
  @IsBoolean()
  anonymous = true;

  @ApiProperty({ type: [String], example: ['lt', 'en'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'languages must name at least one language' })
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each language must be a two-letter code such as lt or en' })
  languages: string[] = ['lt', 'en'];

  @ApiProperty({ type: [String], example: ['age_band', 'gender', 'settlement_type'] })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[A-Za-z0-9_-]+$/, { each: true, message: 'each breakdown must be a question name' })
  breakdowns: string[] = [];

  @ApiProperty({
    default: 5,
    minimum: 2,
    maximum: 100,
    description: 'Results show no count from 1 to k-1 (and nothing that gives one away); a municipality with fewer than k responses gets no tables',
  })
  @IsInt({ message: 'disclosureK must be a whole number' })
  @Min(2, { message: 'disclosureK must be at least 2' })
  @Max(100, { message: 'disclosureK must be at most 100' })
  disclosureK = 5;

  @ApiPropertyOptional({
    minimum: 4,
    maximum: 100000,
    description: 'R: completed responses a municipality needs since its last release for a release to show new figures there (default and minimum 2k; once results are released it can only be raised)',
  })
  @IsOptional()
  @IsInt({ message: 'releaseMinResponses must be a whole number' })
  @Min(4, { message: 'releaseMinResponses must be at least 4 (and at least 2k)' })
  @Max(100000, { message: 'releaseMinResponses must be at most 100000' })
  releaseMinResponses?: number;

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 100000, description: 'New responses accepted per network address per day' })
  @IsOptional()
  @IsInt({ message: 'responsesPerAddressPerDay must be a whole number' })
  @Min(1, { message: 'responsesPerAddressPerDay must be at least 1' })
  @Max(100000, { message: 'responsesPerAddressPerDay must be at most 100000' })
  responsesPerAddressPerDay?: number;

  @ApiProperty({ type: [String], example: ['birzai'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'municipalityCodes must name at least one municipality' })
  @ArrayMaxSize(200)
  @Matches(CODE, { each: true, message: 'each municipality code must be lowercase letters, digits and dashes' })
  municipalityCodes: string[];
}

export class UpdateSurveyDto extends SurveyWindowDto {
  @ApiPropertyOptional({
    default: 5,
    minimum: 2,
    maximum: 100,
    description: 'Results show no count below k (perturbed counts; see the README); may be lowered only before the first release',
  })
  @IsOptional()
  @IsInt({ message: 'disclosureK must be a whole number' })
  @Min(2, { message: 'disclosureK must be at least 2' })
  @Max(100, { message: 'disclosureK must be at most 100' })
  disclosureK?: number;

  @ApiPropertyOptional({
    minimum: 4,
    maximum: 100000,
    description: 'R: completed responses a municipality needs since its last release for a release to show new figures there (default and minimum 2k; once results are released it can only be raised)',
  })
  @IsOptional()
  @IsInt({ message: 'releaseMinResponses must be a whole number' })
  @Min(4, { message: 'releaseMinResponses must be at least 4 (and at least 2k)' })
  @Max(100000, { message: 'releaseMinResponses must be at most 100000' })
  releaseMinResponses?: number;

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 100000, description: 'New responses accepted per network address per day' })
  @IsOptional()
  @IsInt({ message: 'responsesPerAddressPerDay must be a whole number' })
  @Min(1, { message: 'responsesPerAddressPerDay must be at least 1' })
  @Max(100000, { message: 'responsesPerAddressPerDay must be at most 100000' })
  responsesPerAddressPerDay?: number;

  @ApiPropertyOptional({ type: [String], example: ['birzai', 'zarasai'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'municipalityCodes must name at least one municipality' })
  @ArrayMaxSize(200)
  @Matches(CODE, { each: true, message: 'each municipality code must be lowercase letters, digits and dashes' })
  municipalityCodes?: string[];
}

export class NewVersionDto {
  @ApiProperty({ description: 'SurveyJS JSON definition for the next version' })
  @IsObject({ message: 'definition must be a SurveyJS JSON object' })
  definition: Record<string, unknown>;
}
