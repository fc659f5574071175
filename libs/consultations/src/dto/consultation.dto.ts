import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PHASES, type Phase } from '../kinds';

export class CreateConsultationDto {
  @ApiProperty({ example: 'birzai' })
  @Matches(/^[a-z0-9-]+$/, { message: 'municipalityCode must be a municipality code such as birzai' })
  municipalityCode: string;

  @ApiProperty({ example: 'Biudžeto prioritetai 2027' })
  @IsString()
  @MinLength(3, { message: 'titleLt must be at least 3 characters' })
  @MaxLength(300)
  titleLt: string;

  @ApiProperty({ example: 'Budget priorities 2027' })
  @IsString()
  @MinLength(3, { message: 'titleEn must be at least 3 characters' })
  @MaxLength(300)
  titleEn: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  descriptionLt = '';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  descriptionEn = '';

  @ApiProperty({ description: 'The decision-making institution consulted, in Lithuanian', example: 'Biržų rajono savivaldybės taryba' })
  @IsString()
  @MinLength(2, { message: 'institution must name the deciding institution' })
  @MaxLength(300)
  institution: string;

  @ApiPropertyOptional({ description: 'The institution in English; defaults to the Lithuanian name', example: 'Biržai District Municipal Council' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'institutionEn must name the deciding institution' })
  @MaxLength(300)
  institutionEn?: string;
}

export class UpdateConsultationDto {
  @ApiPropertyOptional({ enum: PHASES.filter((p) => p !== 'reported') })
  @IsOptional()
  @IsIn(PHASES, { message: `phase must be one of: ${PHASES.join(', ')}` })
  phase?: Phase;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(300) titleLt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(300) titleEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) descriptionLt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) descriptionEn?: string;
  @ApiPropertyOptional({ description: 'The deciding institution, in Lithuanian' })
  @IsOptional() @IsString() @MinLength(2, { message: 'institution must name the deciding institution' }) @MaxLength(300) institution?: string;
  @ApiPropertyOptional({ description: 'The deciding institution, in English' })
  @IsOptional() @IsString() @MinLength(2, { message: 'institutionEn must name the deciding institution' }) @MaxLength(300) institutionEn?: string;
}

/** "What we heard, what was decided", in both languages; publishing it moves the phase to reported. */
export class OutcomeReportDto {
  @ApiProperty() @IsString() @MinLength(1, { message: 'heardLt must not be empty' }) @MaxLength(20000) heardLt: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'heardEn must not be empty' }) @MaxLength(20000) heardEn: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'decidedLt must not be empty' }) @MaxLength(20000) decidedLt: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'decidedEn must not be empty' }) @MaxLength(20000) decidedEn: string;

  @ApiPropertyOptional({ description: 'Must be true to publish while some meetings have not been held yet (otherwise 409 MEETINGS_NOT_HELD)' })
  @IsOptional()
  @IsBoolean({ message: 'confirmUnheldMeetings must be true or false' })
  confirmUnheldMeetings?: boolean;
}
