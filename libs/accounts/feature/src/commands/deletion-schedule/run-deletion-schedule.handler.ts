import { Injectable } from '@nestjs/common';
import { dueReminderCommands, isPurgeDue } from '@subledger/accounts-domain';
import { replyOk, replyRefused } from '@subledger/contracts';
import { TeamWriter } from '../../team-state/team-writer';
import type { CommandOf, CommandReply } from '../../accounts-internal-command';

/**
 * One account's due deletion work at `at`: every reminder due and not yet recorded (each day once),
 * then the purge once `deleteAt` has come. The purge erases the account's personal data from the
 * read model and rewrites its history, in the same transaction as its events.
 */
@Injectable()
export class RunDeletionScheduleHandler {
  constructor(private readonly writer: TeamWriter) {}

  async handle({
    teamId,
    accountId,
    at,
  }: CommandOf<'RunDeletionSchedule'>): Promise<CommandReply<'RunDeletionSchedule'>> {
    const change = await this.writer.begin(teamId);
    const account = await change.account(accountId);
    if (account.status === 'missing' || account.teamId !== teamId) return replyRefused({ type: 'account_not_found' });
    const remindersRecorded: number[] = [];
    for (const reminder of dueReminderCommands(account, at)) {
      const decision = await change.decide(reminder);
      if (decision.outcome.type === 'accepted') remindersRecorded.push(reminder.day);
    }
    let purged = false;
    if (isPurgeDue(await change.account(accountId), at)) {
      purged = (await change.decide({ type: 'PurgeAccount', accountId, at })).outcome.type === 'accepted';
    }
    const refusal = await this.writer.commit(change, at);
    return refusal ? replyRefused(refusal) : replyOk({ remindersRecorded, purged });
  }
}
