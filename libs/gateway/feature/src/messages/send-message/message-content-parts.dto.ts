import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

// The nested parts of the Zavu `content` object, each field as the SDK types it.

const TEXT = 1024;

export class ButtonDto {
  @ApiProperty() @IsString() @MaxLength(256) id!: string;
  @ApiProperty() @IsString() @MaxLength(TEXT) title!: string;
}

export class ContactCardDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) name?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  phones?: string[];
}

export class ListRowDto {
  @ApiProperty() @IsString() @MaxLength(256) id!: string;
  @ApiProperty() @IsString() @MaxLength(TEXT) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) description?: string;
}

export class ListSectionDto {
  @ApiProperty() @IsString() @MaxLength(TEXT) title!: string;

  @ApiProperty({ type: [ListRowDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ListRowDto)
  rows!: ListRowDto[];
}

export class ReferralDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) body?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) ctwaClid?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) headline?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) imageUrl?: string;
  @ApiPropertyOptional({ enum: ['image', 'video'] }) @IsOptional() @IsIn(['image', 'video']) mediaType?:
    'image' | 'video';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) sourceId?: string;
  @ApiPropertyOptional({ enum: ['ad', 'post'] }) @IsOptional() @IsIn(['ad', 'post']) sourceType?: 'ad' | 'post';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) sourceUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) thumbnailUrl?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) videoUrl?: string;
}

/** An email attachment: a file's base64 `content` or a `path` URL to fetch it from. */
export class AttachmentDto {
  @ApiProperty() @IsString() @MaxLength(255) filename!: string;
  @ApiPropertyOptional({ description: 'Base64.' }) @IsOptional() @IsString() content?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) content_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) content_type?: string;
  @ApiPropertyOptional({ description: 'URL of the file.' }) @IsOptional() @IsString() @MaxLength(2048) path?: string;
}
