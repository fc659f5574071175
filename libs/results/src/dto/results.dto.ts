import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export class RequestCompileDto {
  @ApiPropertyOptional({ description: 'Only this published version (default: every published version)' })
  @IsOptional()
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: ['birzai'], description: 'Only these municipalities (default: all you may see)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(/^[a-z0-9-]+$/, { each: true, message: 'municipalityCodes must hold municipality codes' })
  municipalityCodes?: string[];
}

export class ResultsQueryDto {
  @ApiPropertyOptional({ description: 'Default: the newest published version with compiled results' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: 'birzai' })
  @IsOptional()
  @Matches(/^[a-z0-9-]+$/, { message: 'municipality must be a municipality code' })
  municipality?: string;
}

export class PublishResultsDto {
  @ApiProperty({ example: 1 })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version: number;

  @ApiProperty({ example: ['trust_municipality', 'informed'], description: 'Question names to show publicly' })
  @IsArray()
  @ArrayMinSize(1, { message: 'questions must name at least one question' })
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  questions: string[];

  @ApiPropertyOptional({ example: ['birzai'], description: 'Only these municipalities (default: all)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'municipalityCodes must name at least one municipality' })
  @ArrayMaxSize(200)
  @Matches(/^[a-z0-9-]+$/, { each: true, message: 'municipalityCodes must hold municipality codes' })
  municipalityCodes?: string[];
}
