import type { AccountsCommandRequest, AccountsReplies, AccountsServiceRefusal, EpochMs, MessageView, ServiceReply } from '@subledger/contracts';

/** A status the carrier reports after `queued`. */
export type DeliveryStatus = 'sent' | 'delivered' | 'failed';

/**
 * Commands the accounts service sends to itself on `accounts.commands`, keyed by team id like the
 * gateway's, so that delivery reports and the deletion sweep go through the team's single writer
 * and never race with the team's other writes.
 */
export type AccountsInternalCommand =
  | {
      readonly type: 'AdvanceMessage';
      readonly teamId: string;
      readonly messageId: string;
      readonly status: DeliveryStatus;
      readonly errorCode: string | null;
      readonly at: EpochMs;
    }
  | { readonly type: 'RunDeletionSchedule'; readonly teamId: string; readonly accountId: string; readonly at: EpochMs };

export interface AccountsInternalReplies {
  AdvanceMessage: { message: MessageView };
  RunDeletionSchedule: { remindersRecorded: number[]; purged: boolean };
}

/** Everything that arrives on `accounts.commands`. */
export type AccountsCommandMessage = AccountsCommandRequest | AccountsInternalCommand;

type CommandReplies = Pick<AccountsReplies, AccountsCommandRequest['type']> & AccountsInternalReplies;

export type CommandReply<T extends AccountsCommandMessage['type']> = ServiceReply<CommandReplies[T], AccountsServiceRefusal>;

/** The command of type `T`. */
export type CommandOf<T extends AccountsCommandMessage['type']> = Extract<AccountsCommandMessage, { type: T }>;
