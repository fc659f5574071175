import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'admin@demo.local' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class CreateApiTokenDto extends SignInDto {
  @ApiPropertyOptional({ example: 'R script on my laptop', description: 'Helps you recognise the token later' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}
