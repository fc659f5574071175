import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES, type Language } from '../kinds';

export class SignUpDto {
  @ApiProperty({ example: 'Ona Onaitė' })
  @IsString({ message: 'name must be text' })
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'An email address: the link to confirm the sign-up is sent there', example: 'ona@example.lt' })
  @IsString({ message: 'contact must be an email address' })
  @MinLength(3, { message: 'contact must be an email address' })
  @MaxLength(320)
  contact: string;

  @ApiPropertyOptional({ description: 'Free text: the organisation the person comes from, if any' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organisation?: string;

  @ApiPropertyOptional({ description: 'Required for meetings with per-organisation quotas: which partner the seat counts for' })
  @IsOptional()
  @IsUUID('all', { message: 'partnerOrganisationId must be a partner organisation id' })
  partnerOrganisationId?: string;

  @ApiProperty({ description: 'Must be true: consent to the purpose and retention stated on the form' })
  @Equals(true, { message: 'consent must be given (true) to sign up' })
  consent: boolean;

  @ApiProperty({ enum: LANGUAGES, default: 'lt' })
  @IsIn(LANGUAGES, { message: 'language must be lt or en' })
  language: Language = 'lt';
}
