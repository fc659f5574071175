import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Min, ValidateNested } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '../kinds';

export class TargetDto {
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS, { message: `kind must be one of: ${MEETING_KINDS.join(', ')}` })
  kind: MeetingKind;

  @ApiPropertyOptional({ description: 'Omit for a target over all municipalities together', example: 'birzai' })
  @IsOptional()
  @Matches(/^[a-z0-9-]+$/, { message: 'municipalityCode must be a municipality code' })
  municipalityCode?: string;

  @ApiProperty({ example: 30 })
  @IsInt({ message: 'target must be a whole number' })
  @Min(1, { message: 'target must be at least 1' })
  target: number;
}

/** Replaces every target. */
export class SetTargetsDto {
  @ApiProperty({ type: [TargetDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets: TargetDto[];
}
