import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export const GRANULARITIES = ['hour', 'day'] as const;

/** `?from&to&granularity&accountId` of a team's usage. */
export class GetUsageQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Start (inclusive; the first bucket is the one holding it). Default: 24 hours (granularity hour) or 30 days (day) before `to`.',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'End (exclusive). Default: the end of the current hour (or UTC day).',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @ApiPropertyOptional({
    enum: GRANULARITIES,
    default: 'hour',
    description: 'Buckets of an hour or of a UTC day; at most 744 buckets per request.',
  })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: (typeof GRANULARITIES)[number];

  @ApiPropertyOptional({ description: "Only this account's usage." })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  accountId?: string;
}
