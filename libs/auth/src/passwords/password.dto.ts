import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Length and the other rules are checked by the service (they need the account's e-mail), with the same 400 shape. */
export class ChangePasswordDto {
  @ApiProperty() @IsString({ message: 'currentPassword must be text' }) @IsNotEmpty({ message: 'currentPassword is required' }) @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not your e-mail' })
  @IsString({ message: 'newPassword must be text' })
  @MaxLength(1000)
  newPassword: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'jurgita@birzai.lt' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;
}

export class PasswordResetDto {
  @ApiProperty({ description: 'From the link in the e-mail (the part after #)' })
  @IsString({ message: 'token must be the token from the e-mail' })
  @IsNotEmpty({ message: 'token must be the token from the e-mail' })
  @MaxLength(100)
  token: string;

  @ApiProperty({ minLength: 12 })
  @IsString({ message: 'newPassword must be text' })
  @MaxLength(1000)
  newPassword: string;
}

export class SetPasswordDto {
  @ApiProperty({ minLength: 12, description: 'The account is signed out everywhere; tell its owner the new password' })
  @IsString({ message: 'newPassword must be text' })
  @MaxLength(1000)
  newPassword: string;
}

export class AcceptedView {
  @ApiProperty({ example: true }) accepted: boolean;
}
