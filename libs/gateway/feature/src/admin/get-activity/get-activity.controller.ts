import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ACTIVITY_MINUTE_MS } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { LedgerClient } from '../../clients/ledger.client';
import { ApiErrors, INVALID_REQUEST } from '../../responses/api-errors.decorator';
import { AdminController } from '../admin.api';
import { ActivityResponse, toActivity } from './activity.response';
import { DEFAULT_ACTIVITY_MINUTES, GetActivityQuery } from './get-activity.query.dto';
import { ServiceConsumerLags } from './service-consumer-lags';

@AdminController('admin/v1/activity')
export class GetActivityController {
  constructor(
    private readonly ledger: LedgerClient,
    private readonly consumerLags: ServiceConsumerLags,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "The system's charges accepted, refunds and refusals by reason per minute, how far the projections trail the event store, and Kafka's consumer lag",
  })
  @ApiOkResponse({ type: ActivityResponse })
  @ApiErrors({ 400: INVALID_REQUEST })
  async activity(@Query() query: GetActivityQuery): Promise<ActivityResponse> {
    // Up to the end of the minute now is in, so the current minute is shown as it fills.
    const to = (Math.floor(this.clock.now() / ACTIVITY_MINUTE_MS) + 1) * ACTIVITY_MINUTE_MS;
    const from = to - (query.minutes ?? DEFAULT_ACTIVITY_MINUTES) * ACTIVITY_MINUTE_MS;
    const [view, kafka] = await Promise.all([
      this.ledger.query({ type: 'GetActivity', from, to }),
      this.consumerLags.read(),
    ]);
    return toActivity(view, kafka);
  }
}
