import { Injectable } from '@nestjs/common';
import { replyOk, replyRefused } from '@subledger/contracts';
import { AccountViews } from '../../read-model/account-views';
import { TeamWriter } from '../../team-state/team-writer';
import type { CommandOf, CommandReply } from '../../accounts-internal-command';
import { createApiKeyCommand, holdsKey } from '../new-api-key';
import { mainAccountRefusal } from '../sub-account-target';

/**
 * Keys of a sub-account (`/v1/sub-accounts/:id/api-keys`); the main account's key comes with its
 * team. Creating the same key again answers it; revoking a revoked key answers it unchanged.
 */
@Injectable()
export class ApiKeysHandler {
  constructor(
    private readonly writer: TeamWriter,
    private readonly views: AccountViews,
  ) {}

  async create({ teamId, accountId, key, at }: CommandOf<'CreateApiKey'>): Promise<CommandReply<'CreateApiKey'>> {
    const change = await this.writer.begin(teamId);
    const notSub = await mainAccountRefusal(change, accountId);
    if (notSub) return replyRefused(notSub);
    if (!holdsKey(await change.account(accountId), teamId, key)) {
      const decision = await change.decide(createApiKeyCommand(accountId, key, at));
      if (decision.outcome.type === 'refused') return replyRefused(decision.outcome.refusal);
      const refusal = await this.writer.commit(change, at);
      if (refusal) return replyRefused(refusal);
    }
    return replyOk({ apiKey: await this.views.apiKey(accountId, key.keyId) });
  }

  async revoke({ teamId, accountId, keyId, at }: CommandOf<'RevokeApiKey'>): Promise<CommandReply<'RevokeApiKey'>> {
    const change = await this.writer.begin(teamId);
    const notSub = await mainAccountRefusal(change, accountId);
    if (notSub) return replyRefused(notSub);
    const decision = await change.decide({ type: 'RevokeApiKey', accountId, keyId, at });
    if (decision.outcome.type === 'refused') return replyRefused(decision.outcome.refusal);
    const refusal = await this.writer.commit(change, at);
    return refusal ? replyRefused(refusal) : replyOk({ apiKey: await this.views.apiKey(accountId, keyId) });
  }
}
