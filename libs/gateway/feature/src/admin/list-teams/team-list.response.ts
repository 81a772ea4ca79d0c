import { ApiProperty } from '@nestjs/swagger';
import type { TeamListItemView, TeamSummaryView } from '@subledger/contracts';
import { microsToDecimalString } from '@subledger/money';
import { isoTime } from '../../responses/iso-time';

/** A team in the operators' list. Amounts are exact decimal strings in the team's currency, as in its ledger. */
export class TeamListItemResponse {
  @ApiProperty({ example: 'team_7Rk2pWq9XmLc4Vb8nZ1sTy' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: 'usd' }) currency!: string;
  @ApiProperty({ description: 'The team balance.', example: '12.5' }) balance!: string;
  @ApiProperty({ description: 'Sub-accounts not purged.', example: 3 }) subAccounts!: number;
  @ApiProperty({
    description:
      'Charged less refunded in the current hour and the 23 before it (UTC hours of the usage projection, a moment behind the ledger).',
    example: '0.0237',
  })
  spend24h!: string;
}

export class TeamListResponse {
  @ApiProperty({ type: [TeamListItemResponse], description: 'Newest team first.' }) items!: TeamListItemResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

/** A team as accounts lists it, with the ledger's figures (none yet for a team the ledger has not opened). */
export function toTeamListItem(team: TeamListItemView, summary: TeamSummaryView | undefined): TeamListItemResponse {
  return {
    id: team.id,
    name: team.name,
    createdAt: isoTime(team.createdAt),
    currency: summary?.currency ?? team.currency,
    balance: microsToDecimalString(summary?.balance ?? 0n),
    subAccounts: team.subAccounts,
    spend24h: microsToDecimalString(summary?.spend ?? 0n),
  };
}
