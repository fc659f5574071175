import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '../kinds';

export class QuotaDto {
  @ApiProperty({ description: 'A partner organisation id (GET /api/partner-organisations)' })
  @IsUUID('all', { message: 'partnerOrganisationId must be a partner organisation id' })
  partnerOrganisationId: string;

  @ApiProperty({ example: 3 })
  @IsInt({ message: 'seats must be a whole number' })
  @Min(1, { message: 'seats must be at least 1' })
  seats: number;
}

export class CreateMeetingDto {
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS, { message: `kind must be one of: ${MEETING_KINDS.join(', ')}` })
  kind: MeetingKind;

  @ApiProperty() @IsString() @MinLength(3, { message: 'titleLt must be at least 3 characters' }) @MaxLength(300) titleLt: string;
  @ApiProperty() @IsString() @MinLength(3, { message: 'titleEn must be at least 3 characters' }) @MaxLength(300) titleEn: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate({ message: 'startsAt must be an ISO date-time' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate({ message: 'endsAt must be an ISO date-time' })
  endsAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Defaults to the start' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'signupDeadline must be an ISO date-time' })
  signupDeadline?: Date;

  @ApiPropertyOptional({ example: 'Biržų kultūros centras, Vytauto g. 1' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  place?: string;

  @ApiPropertyOptional({ example: 'https://meet.example.org/birzai' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(1000)
  onlineUrl?: string;

  @ApiProperty({ example: 30 })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(10000, { message: 'capacity must be at most 10000' })
  capacity: number;

  @ApiProperty({ default: 180, description: 'Days after the meeting before names and contacts are deleted' })
  @IsInt({ message: 'retentionDays must be a whole number' })
  @Min(1, { message: 'retentionDays must be at least 1' })
  @Max(3650, { message: 'retentionDays must be at most 3650' })
  retentionDays = 180;

  @ApiPropertyOptional({ description: 'A study the meeting belongs to (active, running in this municipality): its sign-ups then agree to the study\'s consent' })
  @IsOptional()
  @IsUUID('all', { message: 'studyId must be a study id' })
  studyId?: string;

  @ApiPropertyOptional({ type: [QuotaDto], description: 'Seats per partner organisation; sign-ups must then name one' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuotaDto)
  quotas: QuotaDto[] = [];
}

export class CheckInDto {
  @ApiProperty({ example: 'K7P2QX', description: 'From the confirmation, typed or read from its QR code' })
  @IsString()
  @MinLength(6, { message: 'code must be the 6-character check-in code' })
  @MaxLength(12)
  code: string;

  @ApiPropertyOptional({ description: 'Needed to check in on another day than the meeting day (Vilnius time); stored with the attendance' })
  @IsOptional()
  @IsString()
  @MinLength(5, { message: 'overrideReason must say why, in at least 5 characters' })
  @MaxLength(500)
  overrideReason?: string;
}

export class StaffMessageDto {
  @ApiProperty() @IsString() @MinLength(3, { message: 'subject must be at least 3 characters' }) @MaxLength(200) subject: string;
  @ApiProperty() @IsString() @MinLength(3, { message: 'body must be at least 3 characters' }) @MaxLength(5000) body: string;
}

/** Any of these; a field left out keeps its value. `place` or `onlineUrl` may be null to remove it (one must remain). */
export class UpdateMeetingDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3, { message: 'titleLt must be at least 3 characters' }) @MaxLength(300) titleLt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3, { message: 'titleEn must be at least 3 characters' }) @MaxLength(300) titleEn?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Moving the start keeps the duration unless endsAt is given too' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'startsAt must be an ISO date-time' })
  startsAt?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'endsAt must be an ISO date-time' })
  endsAt?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'signupDeadline must be an ISO date-time' })
  signupDeadline?: Date;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString({ message: 'place must be text or null' })
  @MinLength(2, { message: 'place must be at least 2 characters' })
  @MaxLength(500)
  place?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(1000)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ description: 'Raising it gives the new places to the waitlist at once; it cannot go below the places confirmed' })
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(10000, { message: 'capacity must be at most 10000' })
  capacity?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Put the meeting under a study, or null to take it out; only while nobody has signed up' })
  @IsOptional()
  @IsUUID('all', { message: 'studyId must be a study id (or null)' })
  studyId?: string | null;
}
