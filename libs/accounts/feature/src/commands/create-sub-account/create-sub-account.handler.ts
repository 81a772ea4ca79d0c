import { Injectable } from '@nestjs/common';
import type { AccountState } from '@subledger/accounts-domain';
import { type AccountMetadata, replyOk, replyRefused } from '@subledger/contracts';
import { AccountViews } from '../../read-model/account-views';
import { TeamWriter } from '../../team-state/team-writer';
import type { CommandOf, CommandReply } from '../../accounts-internal-command';
import { createApiKeyCommand, holdsKey } from '../new-api-key';

type CreateSubAccount = CommandOf<'CreateSubAccount'>;

/**
 * A sub-account and its first key. A credit limit is sent to the ledger before the commit; a
 * redelivery of the same command (same id, same fields, same key) answers the account it created.
 */
@Injectable()
export class CreateSubAccountHandler {
  constructor(
    private readonly writer: TeamWriter,
    private readonly views: AccountViews,
  ) {}

  async handle(command: CreateSubAccount): Promise<CommandReply<'CreateSubAccount'>> {
    const { teamId, accountId, name, externalId, creditLimit, metadata, key, at } = command;
    const change = await this.writer.begin(teamId);
    const existing = await change.account(accountId);
    if (createdBy(existing, command) && holdsKey(existing, teamId, key)) return this.reply(command);
    const created = await change.decide({
      type: 'CreateAccount',
      accountId,
      teamId,
      kind: 'sub',
      name,
      externalId,
      creditLimit,
      metadata,
      at,
    });
    if (created.outcome.type === 'refused') return replyRefused(created.outcome.refusal);
    const keyed = await change.decide(createApiKeyCommand(accountId, key, at));
    if (keyed.outcome.type === 'refused') return replyRefused(keyed.outcome.refusal);
    const refusal = await this.writer.commit(change, at);
    return refusal ? replyRefused(refusal) : this.reply(command);
  }

  private async reply({ teamId, accountId, key }: CreateSubAccount): Promise<CommandReply<'CreateSubAccount'>> {
    return replyOk({
      account: await this.views.account(teamId, accountId),
      apiKey: await this.views.apiKey(accountId, key.keyId),
    });
  }
}

function createdBy(account: AccountState, command: CreateSubAccount): boolean {
  if (account.status === 'missing' || account.status === 'purged') return false;
  return (
    account.teamId === command.teamId &&
    account.kind === 'sub' &&
    account.name === command.name &&
    account.externalId === command.externalId &&
    // The domain records a limit of 0 as no limit.
    account.creditLimit === (command.creditLimit === 0n ? null : command.creditLimit) &&
    sameMetadata(account.metadata, command.metadata)
  );
}

function sameMetadata(left: AccountMetadata | null, right: AccountMetadata | null): boolean {
  if (left === null || right === null) return left === right;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && left[key] === right[key])
  );
}
