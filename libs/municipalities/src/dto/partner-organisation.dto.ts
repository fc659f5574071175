import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreatePartnerOrganisationDto {
  @ApiProperty({ example: 'Biržų rajono kaimo bendruomenių sąjunga' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'LT', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code such as LT or NO' })
  country: string;

  @ApiPropertyOptional({ example: 'birzai', description: 'Code of the municipality the partner works in' })
  @IsOptional()
  @Matches(/^[a-z0-9-]+$/, { message: 'municipalityCode must be a municipality code' })
  municipalityCode?: string;
}
