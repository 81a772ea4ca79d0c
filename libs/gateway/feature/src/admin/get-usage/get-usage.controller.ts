import { Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { MAX_USAGE_BUCKETS, usageBucketCount, usageBucketMs } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { LedgerClient } from '../../clients/ledger.client';
import { invalidRequest } from '../../errors';
import { ApiErrors, INVALID_REQUEST, TEAM_NOT_FOUND } from '../../responses/api-errors.decorator';
import { AdminTeamsController } from '../admin.api';
import { GetUsageQuery } from './get-usage.query.dto';
import { toUsage, UsageResponse } from './usage.response';

/** Without `from`: a day of hours, or 30 days. */
const DEFAULT_BUCKETS = { hour: 24, day: 30 } as const;

@AdminTeamsController()
export class GetUsageController {
  constructor(
    private readonly ledger: LedgerClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id/usage')
  @ApiOperation({
    summary:
      "A team's (or one account's) charges, refunds, refusals and spend per hour or UTC day, from the usage projection",
  })
  @ApiOkResponse({ type: UsageResponse })
  @ApiErrors({ 400: INVALID_REQUEST, 404: TEAM_NOT_FOUND })
  async usage(@Param('id') teamId: string, @Query() query: GetUsageQuery): Promise<UsageResponse> {
    const granularity = query.granularity ?? 'hour';
    const size = usageBucketMs(granularity);
    // By default up to the end of the bucket now is in, so the current hour or day is shown.
    const to = query.to === undefined ? (Math.floor(this.clock.now() / size) + 1) * size : Date.parse(query.to);
    const from = query.from === undefined ? to - DEFAULT_BUCKETS[granularity] * size : Date.parse(query.from);
    if (!Number.isSafeInteger(from) || from < 0)
      throw invalidRequest([{ path: 'from', message: 'from must be a time after 1970-01-01T00:00:00Z' }]);
    if (!Number.isSafeInteger(to) || from >= to)
      throw invalidRequest([{ path: 'from', message: 'from must be before to' }]);
    if (usageBucketCount(from, to, granularity) > MAX_USAGE_BUCKETS) {
      throw invalidRequest([
        { path: 'to', message: `at most ${MAX_USAGE_BUCKETS} buckets of a ${granularity} per request` },
      ]);
    }
    const view = await this.ledger.query({
      type: 'GetUsage',
      teamId,
      from,
      to,
      granularity,
      ...(query.accountId === undefined ? {} : { accountId: query.accountId }),
    });
    return toUsage(view, from, to);
  }
}
