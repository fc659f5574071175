import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import type { StudyStatus } from '../study-view';

const CODE = /^[a-z0-9-]+$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const STUDY_STATUSES: readonly StudyStatus[] = ['draft', 'active', 'closed'];

export class CreateStudyDto {
  @ApiProperty({ example: 'Vietos demokratijos tyrimas' })
  @IsString({ message: 'titleLt must be text' })
  @MinLength(3, { message: 'titleLt must be at least 3 characters' })
  @MaxLength(300, { message: 'titleLt must be at most 300 characters' })
  titleLt: string;

  @ApiProperty({ example: 'Local democracy study' })
  @IsString({ message: 'titleEn must be text' })
  @MinLength(3, { message: 'titleEn must be at least 3 characters' })
  @MaxLength(300, { message: 'titleEn must be at most 300 characters' })
  titleEn: string;

  @ApiProperty({ description: 'Why the study is done, as residents read it (Lithuanian)' })
  @IsString({ message: 'purposeLt must be text' })
  @MinLength(3, { message: 'purposeLt must be at least 3 characters' })
  @MaxLength(5000, { message: 'purposeLt must be at most 5000 characters' })
  purposeLt: string;

  @ApiProperty({ description: 'Why the study is done (English)' })
  @IsString({ message: 'purposeEn must be text' })
  @MinLength(3, { message: 'purposeEn must be at least 3 characters' })
  @MaxLength(5000, { message: 'purposeEn must be at most 5000 characters' })
  purposeEn: string;

  @ApiProperty({ type: [String], example: ['birzai', 'zarasai'] })
  @IsArray({ message: 'municipalityCodes must be a list of municipality codes' })
  @ArrayMinSize(1, { message: 'municipalityCodes must name at least one municipality' })
  @ArrayMaxSize(200)
  @Matches(CODE, { each: true, message: 'each municipality code must be lowercase letters, digits and dashes' })
  municipalityCodes: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Accounts responsible (researchers or admins); a researcher creating a study is always one',
  })
  @IsOptional()
  @IsArray({ message: 'researcherIds must be a list of account ids' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each researcherId must be an account id' })
  researcherIds?: string[];

  @ApiPropertyOptional({ example: 'Vilniaus regioninis biomedicininių tyrimų etikos komitetas' })
  @IsOptional()
  @IsString({ message: 'ethicsCommittee must be text' })
  @MinLength(3, { message: 'ethicsCommittee must be at least 3 characters' })
  @MaxLength(300, { message: 'ethicsCommittee must be at most 300 characters' })
  ethicsCommittee?: string;

  @ApiPropertyOptional({ example: '2025/11-1234' })
  @IsOptional()
  @IsString({ message: 'ethicsReference must be text' })
  @MinLength(1, { message: 'ethicsReference must not be empty' })
  @MaxLength(100, { message: 'ethicsReference must be at most 100 characters' })
  ethicsReference?: string;

  @ApiPropertyOptional({ example: '2025-11-20', description: 'The day of the approval' })
  @IsOptional()
  @Matches(DAY, { message: 'ethicsApprovedOn must be a day (YYYY-MM-DD)' })
  ethicsApprovedOn?: string;
}

/** Any of these; a field left out keeps its value. */
export class UpdateStudyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'titleLt must be text' })
  @MinLength(3, { message: 'titleLt must be at least 3 characters' })
  @MaxLength(300, { message: 'titleLt must be at most 300 characters' })
  titleLt?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'titleEn must be text' })
  @MinLength(3, { message: 'titleEn must be at least 3 characters' })
  @MaxLength(300, { message: 'titleEn must be at most 300 characters' })
  titleEn?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'purposeLt must be text' })
  @MinLength(3, { message: 'purposeLt must be at least 3 characters' })
  @MaxLength(5000, { message: 'purposeLt must be at most 5000 characters' })
  purposeLt?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'purposeEn must be text' })
  @MinLength(3, { message: 'purposeEn must be at least 3 characters' })
  @MaxLength(5000, { message: 'purposeEn must be at most 5000 characters' })
  purposeEn?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'municipalityCodes must be a list of municipality codes' })
  @ArrayMinSize(1, { message: 'municipalityCodes must name at least one municipality' })
  @ArrayMaxSize(200)
  @Matches(CODE, { each: true, message: 'each municipality code must be lowercase letters, digits and dashes' })
  municipalityCodes?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'researcherIds must be a list of account ids' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each researcherId must be an account id' })
  researcherIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'ethicsCommittee must be text' })
  @MinLength(3, { message: 'ethicsCommittee must be at least 3 characters' })
  @MaxLength(300, { message: 'ethicsCommittee must be at most 300 characters' })
  ethicsCommittee?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'ethicsReference must be text' })
  @MinLength(1, { message: 'ethicsReference must not be empty' })
  @MaxLength(100, { message: 'ethicsReference must be at most 100 characters' })
  ethicsReference?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DAY, { message: 'ethicsApprovedOn must be a day (YYYY-MM-DD)' }) ethicsApprovedOn?: string;
}

export class StudyStatusDto {
  @ApiProperty({ enum: STUDY_STATUSES, description: 'draft -> active (needs ethics and consent) -> closed; closed -> active reopens' })
  @IsIn(STUDY_STATUSES, { message: `status must be one of: ${STUDY_STATUSES.join(', ')}` })
  status: StudyStatus;
}
