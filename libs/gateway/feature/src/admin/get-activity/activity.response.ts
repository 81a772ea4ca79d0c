import { ApiProperty } from '@nestjs/swagger';
import { type ActivityMinuteView, type ActivityView, CHARGE_REFUSAL_REASONS } from '@subledger/contracts';
import type { PartitionLag } from '@subledger/messaging';
import { isoTime } from '../../responses/iso-time';

export class ActivityMinuteResponse {
  @ApiProperty({ format: 'date-time', description: "The minute's start." }) start!: string;
  @ApiProperty({ description: 'Charges accepted, every team together.' }) accepted!: number;
  @ApiProperty({ description: 'Charges refunded, counted in the minute of the refund.' }) refunds!: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(CHARGE_REFUSAL_REASONS.map((reason) => [reason, { type: 'integer' }])),
    description: 'Charges refused, by reason; every reason the ledger knows is present.',
    example: { account_inactive: 0, credit_limit_exceeded: 2, insufficient_balance: 0 },
  })
  refused!: Record<string, number>;
}

export class ProjectionLagResponse {
  @ApiProperty({ example: 'ledger-usage' }) name!: string;
  @ApiProperty({ description: 'Global position of the last event folded in.', example: '1234' }) projectedTo!: string;
  @ApiProperty({
    description: 'Events in the event store not folded in yet (a distance in global positions).',
    example: 0,
  })
  lagEvents!: number;
}

export class ConsumerLagResponse {
  @ApiProperty({ description: "Kafka's name of the consumer group.", example: 'ledger' }) group!: string;
  @ApiProperty({ example: 'ledger.commands' }) topic!: string;
  @ApiProperty() partition!: number;
  @ApiProperty({ description: 'Messages of the partition the group has not committed yet.' }) lag!: number;
}

export class ActivityResponse {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive: the end of the current minute.' }) to!: string;
  @ApiProperty({
    type: [ActivityMinuteResponse],
    description: 'Every minute from `from` to `to`, oldest first, zeros included.',
  })
  minutes!: ActivityMinuteResponse[];
  @ApiProperty({
    type: [ProjectionLagResponse],
    description: 'How far each projection behind these figures trails the event store.',
  })
  projections!: ProjectionLagResponse[];
  @ApiProperty({
    type: [ConsumerLagResponse],
    nullable: true,
    description:
      "Distributed mode: the lag of the services' consumer groups per partition; null in embedded mode, which has no Kafka.",
  })
  kafka!: ConsumerLagResponse[] | null;
}

export function toActivity(view: ActivityView, kafka: readonly PartitionLag[] | null): ActivityResponse {
  return {
    from: isoTime(view.from),
    to: isoTime(view.to),
    minutes: view.minutes.map(toMinute),
    projections: view.projections.map((projection) => ({ ...projection })),
    kafka: kafka === null ? null : kafka.map((lag) => ({ ...lag })),
  };
}

function toMinute(minute: ActivityMinuteView): ActivityMinuteResponse {
  return {
    start: isoTime(minute.start),
    accepted: minute.accepted,
    refunds: minute.refunds,
    refused: { ...minute.refused },
  };
}
