import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const MAX_INVITATIONS_PER_REQUEST = 10_000;

export class CreateInvitationsDto {
  @ApiProperty({ example: 'birzai' })
  @Matches(/^[a-z0-9-]+$/, { message: 'municipalityCode must be a municipality code' })
  municipalityCode: string;

  @ApiProperty({ minimum: 1, maximum: MAX_INVITATIONS_PER_REQUEST, example: 200 })
  @IsInt({ message: 'count must be a whole number' })
  @Min(1)
  @Max(MAX_INVITATIONS_PER_REQUEST)
  count: number;
}

export class InvitationLookupDto {
  @ApiProperty({ description: 'The token from the invitation link (the part after #)' })
  @IsString()
  @MinLength(20)
  @MaxLength(100)
  token: string;
}
