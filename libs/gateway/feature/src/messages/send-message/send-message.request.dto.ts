import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { validateMetadata } from '@subledger/accounts-domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { SatisfiesRule } from '../../responses/domain-rule.decorator';
import { MESSAGE_TYPES, type MessageType, REQUESTED_CHANNELS, type RequestedChannel } from '../message-kinds';
import { isRecipient } from '../recipient';
import { MessageContentDto } from './message-content.dto';
import { AttachmentDto } from './message-content-parts.dto';

const IsRecipient = () =>
  ValidateBy({
    name: 'isRecipient',
    validator: {
      validate: isRecipient,
      defaultMessage: () => 'to must be an E.164 phone number (+ and 8 to 15 digits) or an email address',
    },
  });

/** The Zavu send request (docs/contract.md §5); the optional fields beyond ours are accepted and stored. */
export class SendMessageRequest {
  @ApiProperty({ description: 'E.164 (`+` and 8 to 15 digits) or an email address.', example: '+14155550100' })
  @IsRecipient()
  to!: string;

  @ApiPropertyOptional({ enum: REQUESTED_CHANNELS, default: 'auto' })
  @IsOptional()
  @IsIn(REQUESTED_CHANNELS)
  channel?: RequestedChannel;

  @ApiPropertyOptional({ enum: MESSAGE_TYPES, default: 'text' })
  @IsOptional()
  @IsIn(MESSAGE_TYPES)
  messageType?: MessageType;

  @ApiPropertyOptional({ description: 'Text body, or caption of a media message.' })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({ description: 'Email subject; required for email.' })
  @IsOptional()
  @IsString()
  @MaxLength(998)
  subject?: string;

  @ApiPropertyOptional({ description: 'HTML body of an email.' })
  @IsOptional()
  @IsString()
  htmlBody?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @SatisfiesRule(validateMetadata)
  metadata?: Record<string, string | number | boolean | null>;

  @ApiPropertyOptional({
    maxLength: 255,
    description: 'Like the Idempotency-Key header, which wins when both are sent.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  idempotencyKey?: string;

  @ApiPropertyOptional({ type: [AttachmentDto], description: 'Email only.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ type: MessageContentDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MessageContentDto)
  content?: MessageContentDto;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  fallbackEnabled?: boolean;

  @ApiPropertyOptional({ description: 'Reply-To address of an email.' })
  @IsOptional()
  @IsEmail()
  replyTo?: string;

  @ApiPropertyOptional({ example: 'en-US' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  voiceLanguage?: string;
}
