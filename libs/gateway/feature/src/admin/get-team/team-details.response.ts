import { ApiProperty } from '@nestjs/swagger';
import { TeamAccountResponse, TeamResponse } from '../../responses/team.response';

/** An account in the operator's team view: with its number of active keys. */
export class TeamDetailsAccountResponse extends TeamAccountResponse {
  @ApiProperty({ description: 'API keys not revoked.', example: 1 }) keys!: number;
}

export class TeamDetailsResponse {
  @ApiProperty({ type: TeamResponse }) team!: TeamResponse;
  @ApiProperty({ description: 'The team balance in integer cents, rounded down.' }) balance!: number;
  @ApiProperty({ type: [TeamDetailsAccountResponse], description: 'Every account, main first, in creation order.' })
  accounts!: TeamDetailsAccountResponse[];
}
