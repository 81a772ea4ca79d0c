import { Injectable } from '@nestjs/common';
import { replyOk } from '@subledger/contracts';
import { AccountsReadModel } from '../../read-model/accounts-read-model';
import type { CommandOf, CommandReply } from '../accounts-internal-command';

/**
 * `lastUsedAt` of keys, reported in batches by the gateway. It is operational data, not a fact of
 * an account's life: it goes to the read model only, with no event, and only ever moves forward,
 * so a late or repeated report is harmless. Keys of other teams are ignored.
 */
@Injectable()
export class RecordKeyUsageHandler {
  constructor(private readonly readModel: AccountsReadModel) {}

  async handle({ teamId, usages }: CommandOf<'RecordKeyUsage'>): Promise<CommandReply<'RecordKeyUsage'>> {
    const recorded = await this.readModel.apiKeys.recordUsage(this.readModel.db, teamId, usages);
    return replyOk({ recorded });
  }
}
