import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Any text people can read, in any script; the global input pipe already refuses NUL and lone surrogates. */
const NOT_BLANK = /\S/;

export class NewConsentVersionDto {
  @ApiProperty({ description: 'The consent text residents read and agree to, in Lithuanian' })
  @IsString({ message: 'textLt must be text' })
  @MinLength(20, { message: 'textLt must be at least 20 characters' })
  @MaxLength(20000, { message: 'textLt must be at most 20000 characters' })
  @Matches(NOT_BLANK, { message: 'textLt must not be blank' })
  textLt: string;

  @ApiProperty({ description: 'The same text in English' })
  @IsString({ message: 'textEn must be text' })
  @MinLength(20, { message: 'textEn must be at least 20 characters' })
  @MaxLength(20000, { message: 'textEn must be at most 20000 characters' })
  @Matches(NOT_BLANK, { message: 'textEn must not be blank' })
  textEn: string;
}
