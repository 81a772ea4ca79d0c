import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ButtonDto, ContactCardDto, ListSectionDto, ReferralDto } from './message-content-parts.dto';
import { IsStringMap } from './string-map.decorator';

const TEXT = 1024;
const URL = 2048;
const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** The Zavu `content` object of non-text messages, accepted and stored as sent. */
export class MessageContentDto {
  @ApiPropertyOptional({ type: [ButtonDto], maxItems: 3 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ButtonDto)
  buttons?: ButtonDto[];

  @ApiPropertyOptional({ type: [ContactCardDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ContactCardDto)
  contacts?: ContactCardDto[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) ctaDisplayText?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(URL) ctaHeaderMediaUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) ctaHeaderText?: string;
  @ApiPropertyOptional({ enum: ['text', 'image', 'video', 'document'] })
  @IsOptional()
  @IsIn(['text', 'image', 'video', 'document'])
  ctaHeaderType?: 'text' | 'image' | 'video' | 'document';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(URL) ctaUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) emoji?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) filename?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) footerText?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-90) @Max(90) latitude?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) listButton?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) locationAddress?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) locationName?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-180) @Max(180) longitude?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) mediaId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(URL) mediaUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) mimeType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) reactToMessageId?: string;

  @ApiPropertyOptional({ type: ReferralDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReferralDto)
  referral?: ReferralDto;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) replyToFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) replyToMessageId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) replyToMessageType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) replyToProviderMessageId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) replyToText?: string;

  @ApiPropertyOptional({ type: [ListSectionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ListSectionDto)
  sections?: ListSectionDto[];

  @ApiPropertyOptional(STRING_MAP) @IsOptional() @IsStringMap() templateButtonVariables?: Record<string, string>;
  @ApiPropertyOptional(STRING_MAP) @IsOptional() @IsStringMap() templateHeaderVariables?: Record<string, string>;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) templateId?: string;
  @ApiPropertyOptional(STRING_MAP) @IsOptional() @IsStringMap() templateVariables?: Record<string, string>;
}
