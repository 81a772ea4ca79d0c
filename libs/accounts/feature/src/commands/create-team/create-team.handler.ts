import { Injectable } from '@nestjs/common';
import type { TeamDirectoryState } from '@subledger/accounts-domain';
import { replyOk, replyRefused } from '@subledger/contracts';
import { AccountViews } from '../../read-model/account-views';
import { TeamWriter } from '../../team-state/team-writer';
import type { CommandOf, CommandReply } from '../../accounts-internal-command';
import { createApiKeyCommand, holdsKey } from '../new-api-key';

type CreateTeam = CommandOf<'CreateTeam'>;

/** A team, its main account and the main account's first key, together; the ledger opens the team first. */
@Injectable()
export class CreateTeamHandler {
  constructor(
    private readonly writer: TeamWriter,
    private readonly views: AccountViews,
  ) {}

  async handle(command: CreateTeam): Promise<CommandReply<'CreateTeam'>> {
    const { teamId, name, currency, mainAccountId, mainKey, at } = command;
    const change = await this.writer.begin(teamId);
    if (sameTeam(change.team, command) && holdsKey(await change.account(mainAccountId), teamId, mainKey))
      return this.reply(command);
    const team = await change.createTeam({ type: 'CreateTeam', teamId, name, currency, mainAccountId, at });
    if (team.outcome.type === 'refused') return replyRefused(team.outcome.refusal);
    const key = await change.decide(createApiKeyCommand(mainAccountId, mainKey, at));
    if (key.outcome.type === 'refused') return replyRefused(key.outcome.refusal);
    const refusal = await this.writer.commit(change, at);
    return refusal ? replyRefused(refusal) : this.reply(command);
  }

  private async reply({ teamId, mainAccountId, mainKey }: CreateTeam): Promise<CommandReply<'CreateTeam'>> {
    return replyOk({
      team: await this.views.team(teamId),
      mainAccount: await this.views.account(teamId, mainAccountId),
      apiKey: await this.views.apiKey(mainAccountId, mainKey.keyId),
    });
  }
}

/** The team this very command created (a redelivery): same main account, name and currency. */
function sameTeam(team: TeamDirectoryState, command: CreateTeam): boolean {
  if (team.status !== 'created') return false;
  return (
    team.mainAccountId === command.mainAccountId &&
    team.name === command.name &&
    team.currency === command.currency.toLowerCase()
  );
}
