import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@app/http';

export class CreateAccountDto {
  @ApiProperty({ example: 'jurgita@birzai.lt' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Jurgita Petraitienė' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters' })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as Role[], { message: `role must be one of: ${ROLES.join(', ')}` })
  role: Role;

  @ApiProperty({ type: [String], example: ['birzai'], description: 'Staff only: the municipalities they work for' })
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[a-z0-9-]+$/, { each: true, message: 'each municipality code must be lowercase letters, digits and dashes' })
  municipalityCodes: string[] = [];
}

export type { AccountView } from '../account-view';

export class UpdateAccountDto {
  @ApiProperty({ required: false, example: 'Jurgita Petraitienė' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiProperty({ required: false, description: 'Disabling signs the account out everywhere' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiProperty({ required: false, type: [String], description: 'Staff only: replaces their municipalities' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[a-z0-9-]+$/, { each: true, message: 'each municipality code must be lowercase letters, digits and dashes' })
  municipalityCodes?: string[];
}
