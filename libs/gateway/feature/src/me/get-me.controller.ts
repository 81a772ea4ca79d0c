import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { KeyIdentity } from '@subledger/contracts';
import { AccountsClient } from '../clients/accounts.client';
import { ApiErrors, UPSTREAM_ERRORS } from '../responses/api-errors.decorator';
import { CurrentIdentity, RequireAuth } from '../shared';
import { MeResponse, toMe } from './me.response';

@Controller('v1/me')
@ApiTags('Identity')
@RequireAuth('api-key')
export class GetMeController {
  constructor(private readonly accounts: AccountsClient) {}

  @Get()
  @ApiOperation({ summary: 'The project, team and key behind the calling API key' })
  @ApiOkResponse({ type: MeResponse })
  @ApiErrors(UPSTREAM_ERRORS)
  async me(@CurrentIdentity() identity: KeyIdentity): Promise<MeResponse> {
    const { teamId, accountId } = identity;
    const [{ account }, { team }] = await Promise.all([
      this.accounts.query({ type: 'GetAccount', teamId, accountId }),
      this.accounts.query({ type: 'GetTeam', teamId }),
    ]);
    return toMe(identity, account, team);
  }
}
