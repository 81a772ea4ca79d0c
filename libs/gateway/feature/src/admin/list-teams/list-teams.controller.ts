import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { usageBucketMs } from '@subledger/contracts';
import { CLOCK, type Clock } from '@subledger/platform';
import { AccountsClient } from '../../clients/accounts.client';
import { LedgerClient } from '../../clients/ledger.client';
import { ApiErrors, INVALID_REQUEST } from '../../responses/api-errors.decorator';
import { AdminTeamsController } from '../admin.api';
import { DEFAULT_TEAMS_PAGE, ListTeamsQuery } from './list-teams.query.dto';
import { TeamListResponse, toTeamListItem } from './team-list.response';

const HOUR_MS = usageBucketMs('hour');

/** The start of the spend window: the current UTC hour and the 23 before it (docs/decisions.md, "Operations dashboard"). */
export function spendWindowStart(now: number): number {
  return Math.floor(now / HOUR_MS) * HOUR_MS - 23 * HOUR_MS;
}

@AdminTeamsController()
export class ListTeamsController {
  constructor(
    private readonly accounts: AccountsClient,
    private readonly ledger: LedgerClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Every team, newest first, with its balance, sub-accounts and spend over the last 24 hours; search by name or id',
  })
  @ApiOkResponse({ type: TeamListResponse })
  @ApiErrors({ 400: INVALID_REQUEST })
  async list(@Query() query: ListTeamsQuery): Promise<TeamListResponse> {
    const page = await this.accounts.query({
      type: 'ListTeams',
      search: query.search ?? null,
      cursor: query.cursor ?? null,
      limit: query.limit ?? DEFAULT_TEAMS_PAGE,
    });
    if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
    const { teams } = await this.ledger.query({
      type: 'GetTeamSummaries',
      teamIds: page.items.map((team) => team.id),
      spendSince: spendWindowStart(this.clock.now()),
    });
    const summaries = new Map(teams.map((summary) => [summary.teamId, summary]));
    return {
      items: page.items.map((team) => toTeamListItem(team, summaries.get(team.id))),
      nextCursor: page.nextCursor,
    };
  }
}
