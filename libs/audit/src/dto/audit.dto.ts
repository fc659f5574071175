import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { AUDIT_ACTIONS, AUDIT_TARGETS, type AuditAction, type AuditTarget } from '../audit-entry';
import type { AuditEntry, AuditPage } from '../audit-view';

export class AuditQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS as unknown as AuditAction[], { message: 'action must be one of the audit actions (see the API docs)' })
  action?: AuditAction;

  @ApiPropertyOptional({ enum: AUDIT_TARGETS })
  @IsOptional()
  @IsIn(AUDIT_TARGETS as unknown as AuditTarget[], { message: `targetType must be one of: ${AUDIT_TARGETS.join(', ')}` })
  targetType?: AuditTarget;

  @ApiPropertyOptional({ description: 'Entries about this row (a meeting, survey, account...)' })
  @IsOptional()
  @IsUUID('all', { message: 'targetId must be an id' })
  targetId?: string;

  @ApiPropertyOptional({ description: 'Entries by this account' })
  @IsOptional()
  @IsUUID('all', { message: 'actorAccountId must be an account id' })
  actorAccountId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be an ISO date-time' })
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be an ISO date-time' })
  to?: Date;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must not be negative' })
  offset = 0;
}

export class AuditEntryView implements AuditEntry {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ nullable: true, type: String }) actorAccountId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The actor\'s e-mail, for the admin reading the log (joined, not stored)' })
  actorEmail: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: string;
  @ApiProperty({ enum: AUDIT_TARGETS }) targetType: string;
  @ApiProperty({ nullable: true, type: String }) targetId: string | null;
  @ApiProperty({ nullable: true, type: String }) municipalityCode: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Counts, flags and names of fields changed; never personal values' })
  details: Record<string, unknown>;
}

export class AuditPageView implements AuditPage {
  @ApiProperty({ type: [AuditEntryView] }) items: AuditEntryView[];
  @ApiProperty({ description: 'Entries matching the filters, over all pages' }) total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
