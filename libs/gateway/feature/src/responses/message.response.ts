import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MessageStatus, MessageView } from '@subledger/contracts';
import { microsToDecimalNumber } from '@subledger/money';
import { isoTime } from './iso-time';

export class MessageResponse {
  @ApiProperty({ example: 'msg_2bHq7ZxLwP0cV9mR4tYs1e' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once the account has been erased.' }) to!:
    string | null;
  @ApiProperty({ example: 'sms' }) channel!: string;
  @ApiProperty({ example: 'text' }) messageType!: string;
  @ApiProperty({ enum: ['queued', 'sent', 'delivered', 'failed'] }) status!: MessageStatus;
  @ApiProperty({ enum: ['outbound'] }) direction!: 'outbound';
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) metadata?: Record<string, unknown>;
  @ApiProperty({ description: 'The charge in USD.', example: 0.0079 }) cost!: number;
  @ApiProperty({ description: 'Always 0: the whole charge is ours.', example: 0 }) costProvider!: number;
  @ApiProperty({ description: 'The charge in USD.', example: 0.0079 }) costTotal!: number;
  @ApiPropertyOptional({ type: String }) errorCode?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MessageEnvelope {
  @ApiProperty({ type: MessageResponse }) message!: MessageResponse;
}

export class MessagePage {
  @ApiProperty({ type: [MessageResponse] }) items!: MessageResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** The Zavu message object: costs in USD from exact micros, `costProvider` 0 (docs/contract.md §1). */
export function toMessage(view: MessageView): MessageResponse {
  const cost = microsToDecimalNumber(view.cost);
  return {
    id: view.id,
    to: view.to,
    channel: view.channel,
    messageType: view.messageType,
    status: view.status,
    direction: 'outbound',
    ...(view.text === null ? {} : { text: view.text }),
    ...(view.metadata === null ? {} : { metadata: { ...view.metadata } }),
    cost,
    costProvider: 0,
    costTotal: cost,
    ...(view.errorCode === null ? {} : { errorCode: view.errorCode }),
    createdAt: isoTime(view.createdAt),
    updatedAt: isoTime(view.updatedAt),
  };
}
