import { Inject, Injectable } from '@nestjs/common';
import { replyOk, replyRefused } from '@subledger/contracts';
import { MESSAGE_CARRIER, type MessageCarrier } from '../../carrier/message-carrier.port';
import { AccountsReadModel } from '../../read-model/accounts-read-model';
import { messageViewOf } from '../../read-model/message-rows';
import { TeamWriter } from '../../team-state/team-writer';
import type { CommandOf, CommandReply } from '../accounts-internal-command';

/**
 * Records a message the gateway priced (and, when live, charged) as `queued`, then hands it to the
 * carrier. Message records are operational rows, not events: the money they cost is in the
 * ledger's events, and their personal data must be erasable. A redelivery finds the row and
 * answers it as it is now.
 */
@Injectable()
export class RecordMessageHandler {
  constructor(
    private readonly writer: TeamWriter,
    private readonly readModel: AccountsReadModel,
    @Inject(MESSAGE_CARRIER) private readonly carrier: MessageCarrier,
  ) {}

  async handle({ teamId, message, at }: CommandOf<'RecordMessage'>): Promise<CommandReply<'RecordMessage'>> {
    const { messages, db } = this.readModel;
    const change = await this.writer.begin(teamId);
    const account = await change.account(message.accountId);
    if (account.status === 'missing' || account.teamId !== teamId) return replyRefused({ type: 'account_not_found' });
    if (account.status === 'purged') return replyRefused({ type: 'account_purged' });
    await messages.insert(db, teamId, message, at);
    const row = await messages.find(db, teamId, message.id);
    if (row === null || row.account_id !== message.accountId) {
      return replyRefused({ type: 'invalid', violations: [{ field: 'message.id', reason: 'duplicate' }] });
    }
    if (row.status === 'queued') {
      this.carrier.dispatch({ teamId, accountId: row.account_id, messageId: row.id, channel: row.channel, isTest: row.is_test });
    }
    return replyOk({ message: messageViewOf(row) });
  }
}
