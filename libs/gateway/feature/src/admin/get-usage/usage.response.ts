import { ApiProperty } from '@nestjs/swagger';
import type { UsageBucketView, UsageView } from '@subledger/contracts';
import { microsToDecimalString } from '@subledger/money';
import { isoTime } from '../../responses/iso-time';

export class UsageBucketResponse {
  @ApiProperty({ format: 'date-time', description: "The bucket's start." }) start!: string;
  @ApiProperty({ description: 'Charges accepted.' }) charges!: number;
  @ApiProperty({ description: 'Charges refunded (failed deliveries, refunds), counted in the bucket of the refund.' })
  refunds!: number;
  @ApiProperty({ description: 'Charges refused (balance, credit limit, inactive account).' }) refusals!: number;
  @ApiProperty({
    description: "Charged less refunded, an exact decimal string in the team's currency.",
    example: '0.0158',
  })
  spend!: string;
}

export class UsageResponse {
  @ApiProperty() teamId!: string;
  @ApiProperty({ enum: ['hour', 'day'] }) granularity!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({
    type: [UsageBucketResponse],
    description: 'Every bucket from `from` to `to`, in order, empty ones included.',
  })
  buckets!: UsageBucketResponse[];
  @ApiProperty({
    description:
      'Global position of the last ledger event in these figures: the usage projection follows the ledger a moment behind.',
    example: '1042',
  })
  projectedTo!: string;
}

export function toUsage(view: UsageView, from: number, to: number): UsageResponse {
  return {
    teamId: view.teamId,
    granularity: view.granularity,
    from: isoTime(from),
    to: isoTime(to),
    buckets: view.buckets.map(toBucket),
    projectedTo: view.projectedTo,
  };
}

function toBucket(bucket: UsageBucketView): UsageBucketResponse {
  return {
    start: isoTime(bucket.start),
    charges: bucket.charges,
    refunds: bucket.refunds,
    refusals: bucket.refusals,
    spend: microsToDecimalString(bucket.spend),
  };
}
