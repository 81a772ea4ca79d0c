import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_ACTIVITY_MINUTES } from '@subledger/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_ACTIVITY_MINUTES = 60;

/** `?minutes` of the system's activity. */
export class GetActivityQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_ACTIVITY_MINUTES,
    default: DEFAULT_ACTIVITY_MINUTES,
    description: 'How many minutes, up to the current one.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ACTIVITY_MINUTES)
  minutes?: number;
}
