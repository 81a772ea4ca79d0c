import { ApiProperty } from '@nestjs/swagger';
import { CreatedApiKeyResponse } from '../../responses/api-key.response';
import { TeamAccountResponse, TeamResponse } from '../../responses/team.response';

export class CreatedTeamResponse {
  @ApiProperty({ type: TeamResponse }) team!: TeamResponse;
  @ApiProperty({ type: TeamAccountResponse }) mainAccount!: TeamAccountResponse;
  @ApiProperty({ type: CreatedApiKeyResponse, description: "The main account's first key, shown only here." })
  apiKey!: CreatedApiKeyResponse;
}
