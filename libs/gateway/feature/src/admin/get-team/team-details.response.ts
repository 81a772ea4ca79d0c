import { ApiProperty } from '@nestjs/swagger';
import { TeamAccountResponse, TeamResponse } from '../../responses/team.response';

export class TeamDetailsResponse {
  @ApiProperty({ type: TeamResponse }) team!: TeamResponse;
  @ApiProperty({ description: 'The team balance in integer cents, rounded down.' }) balance!: number;
  @ApiProperty({ type: [TeamAccountResponse], description: 'Every account, main first, in creation order.' }) accounts!: TeamAccountResponse[];
}
