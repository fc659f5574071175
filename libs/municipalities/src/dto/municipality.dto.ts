import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateMunicipalityDto {
  @ApiProperty({ example: 'birzai', description: 'Lowercase letters, digits and dashes; used in public URLs' })
  @Matches(/^[a-z0-9-]+$/, { message: 'code must be lowercase letters, digits and dashes' })
  @MaxLength(40)
  code: string;

  @ApiProperty({ example: 'Biržų rajono savivaldybė' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameLt: string;

  @ApiProperty({ example: 'Biržai District Municipality' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn: string;
}

export class UpdateMunicipalityDto extends PartialType(CreateMunicipalityDto) {}

export class PublicMunicipalityView {
  @ApiProperty() code: string;
  @ApiProperty({ example: { lt: 'Biržų rajono savivaldybė', en: 'Biržai District Municipality' } })
  name: { lt: string; en: string };
}
