import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { LedgerClient } from '../../clients/ledger.client';
import { ApiErrors, INVALID_REQUEST, TEAM_NOT_FOUND } from '../../responses/api-errors.decorator';
import { LedgerEntryPage, toLedgerEntry } from '../../responses/ledger-entry.response';
import { pageOf } from '../../responses/page-query.dto';
import { AdminTeamsController } from '../admin.api';
import { ListLedgerEntriesQuery } from './list-ledger-entries.query.dto';

@AdminTeamsController()
export class ListLedgerEntriesController {
  constructor(private readonly ledger: LedgerClient) {}

  @Get(':id/ledger')
  @ApiOperation({
    summary:
      "A team's ledger: top-ups, charges, refunds, adjustments and refusals, in stream order (oldest or newest first)",
  })
  @ApiOkResponse({ type: LedgerEntryPage })
  @ApiErrors({ 400: INVALID_REQUEST, 404: TEAM_NOT_FOUND })
  async list(@Param('id') teamId: string, @Query() query: ListLedgerEntriesQuery): Promise<LedgerEntryPage> {
    const page = await this.ledger.query({
      type: 'ListLedgerEntries',
      teamId,
      ...pageOf(query),
      ...(query.order === undefined ? {} : { order: query.order }),
      ...(query.accountId === undefined ? {} : { accountId: query.accountId }),
    });
    return { items: page.items.map(toLedgerEntry), nextCursor: page.nextCursor };
  }
}
