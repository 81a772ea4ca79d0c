import { ApiProperty } from '@nestjs/swagger';
import type { AccountView, KeyIdentity, TeamView } from '@subledger/contracts';

class MeProject {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() isSubAccount!: boolean;
}

class MeTeam {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

class MeApiKey {
  @ApiProperty() id!: string;
}

export class MeResponse {
  @ApiProperty({ type: MeProject }) project!: MeProject;
  @ApiProperty({ type: MeTeam }) team!: MeTeam;
  @ApiProperty({ type: MeApiKey }) apiKey!: MeApiKey;
  @ApiProperty({ description: 'True for a test key: sends are priced but never charged.' }) isTestMode!: boolean;
}

export function toMe(identity: KeyIdentity, account: AccountView, team: TeamView): MeResponse {
  return {
    project: { id: account.id, name: account.name, isSubAccount: account.kind === 'sub' },
    team: { id: team.id, name: team.name },
    apiKey: { id: identity.keyId },
    isTestMode: identity.environment === 'test',
  };
}
