import { ApiPropertyOptional } from '@nestjs/swagger';
import { MESSAGE_CHANNELS, type MessageChannel } from '@subledger/pricing';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../responses/page-query.dto';
import { LISTED_STATUSES, type ListedStatus } from '../message-kinds';

export class ListMessagesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LISTED_STATUSES })
  @IsOptional()
  @IsIn(LISTED_STATUSES)
  status?: ListedStatus;

  @ApiPropertyOptional({ enum: MESSAGE_CHANNELS })
  @IsOptional()
  @IsIn(MESSAGE_CHANNELS)
  channel?: MessageChannel;

  @ApiPropertyOptional({ description: 'The exact recipient.' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  to?: string;
}
