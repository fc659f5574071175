import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_K, PLATFORM_MIN_K, QUASI_IDENTIFIER_NAME } from '../policy/anonymisation';
import { MAX_EXPORT_RETENTION_DAYS, MAX_RETENTION_DAYS } from '../policy/retention-classes';
import type { WithdrawalPolicy } from '../study-view';

export const WITHDRAWAL_POLICIES: readonly WithdrawalPolicy[] = ['delete', 'anonymise'];

export class RetentionDto {
  @ApiPropertyOptional({ description: 'Contact details of sign-ups (later applicants): days after the meeting' })
  @IsOptional()
  @IsInt({ message: 'retention.contactsDays must be a whole number of days' })
  @Min(1, { message: 'retention.contactsDays must be at least 1' })
  @Max(MAX_RETENTION_DAYS, { message: `retention.contactsDays must be at most ${MAX_RETENTION_DAYS}` })
  contactsDays?: number;

  @ApiPropertyOptional({ description: 'Free-text answers: days after submission' })
  @IsOptional()
  @IsInt({ message: 'retention.freeTextDays must be a whole number of days' })
  @Min(1, { message: 'retention.freeTextDays must be at least 1' })
  @Max(MAX_RETENTION_DAYS, { message: `retention.freeTextDays must be at most ${MAX_RETENTION_DAYS}` })
  freeTextDays?: number;

  @ApiPropertyOptional({ description: 'Paradata (start and last-save days, request hash): days after submission' })
  @IsOptional()
  @IsInt({ message: 'retention.paradataDays must be a whole number of days' })
  @Min(1, { message: 'retention.paradataDays must be at least 1' })
  @Max(MAX_RETENTION_DAYS, { message: `retention.paradataDays must be at most ${MAX_RETENTION_DAYS}` })
  paradataDays?: number;

  @ApiPropertyOptional({ description: 'Export files: days after they were made' })
  @IsOptional()
  @IsInt({ message: 'retention.exportsDays must be a whole number of days' })
  @Min(1, { message: 'retention.exportsDays must be at least 1' })
  @Max(MAX_EXPORT_RETENTION_DAYS, { message: `retention.exportsDays must be at most ${MAX_EXPORT_RETENTION_DAYS}` })
  exportsDays?: number;
}

/** Any of these; a field left out keeps its value. Changing what participants are told (retention, withdrawal) makes a new consent version. */
export class StudyPolicyDto {
  @ApiPropertyOptional({
    minimum: PLATFORM_MIN_K,
    maximum: MAX_K,
    description: 'Exports: every combination of the quasi-identifiers has at least k rows',
  })
  @IsOptional()
  @IsInt({ message: 'k must be a whole number' })
  @Min(PLATFORM_MIN_K, { message: `k must be at least ${PLATFORM_MIN_K} (the platform minimum)` })
  @Max(MAX_K, { message: `k must be at most ${MAX_K}` })
  k?: number;

  @ApiPropertyOptional({ type: [String], example: ['municipality', 'age_band', 'gender', 'settlement_type'] })
  @IsOptional()
  @IsArray({ message: 'quasiIdentifiers must be a list of names' })
  @ArrayMinSize(1, { message: 'quasiIdentifiers must name at least one' })
  @ArrayMaxSize(10, { message: 'quasiIdentifiers may name at most 10' })
  @ArrayUnique({ message: 'quasiIdentifiers must not repeat a name' })
  @Matches(QUASI_IDENTIFIER_NAME, {
    each: true,
    message: 'each quasi-identifier must be a lowercase name (letters, digits, _), up to 40 characters',
  })
  quasiIdentifiers?: string[];

  @ApiPropertyOptional({ type: RetentionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RetentionDto)
  retention?: RetentionDto;

  @ApiPropertyOptional({ enum: WITHDRAWAL_POLICIES, description: "What a participant's withdrawal does to their personal data" })
  @IsOptional()
  @IsIn(WITHDRAWAL_POLICIES, { message: 'withdrawalPolicy must be delete or anonymise' })
  withdrawalPolicy?: WithdrawalPolicy;
}
