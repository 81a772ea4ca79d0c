import type {
  AccountsCommandRequest,
  AccountsReplies,
  AccountsServiceRefusal,
  EpochMs,
  MessageStatus,
  MessageView,
  ServiceReply,
} from '@subledger/contracts';

/** A status the carrier reports after `queued`. */
export type DeliveryStatus = 'sent' | 'delivered' | 'failed';

/** One step of one message's delivery, as a carrier reports it. */
export interface DeliveryStep {
  readonly messageId: string;
  readonly status: DeliveryStatus;
  readonly errorCode: string | null;
}

/**
 * Commands the accounts service sends to itself on `accounts.commands`, keyed by team id like the
 * gateway's, so that delivery reports and the deletion sweep go through the team's single writer
 * and never race with the team's other writes.
 */
export type AccountsInternalCommand =
  | ({ readonly type: 'AdvanceMessage'; readonly teamId: string; readonly at: EpochMs } & DeliveryStep)
  /** Several steps of the team's messages at once, applied in order: how the simulated carrier reports. */
  | {
      readonly type: 'AdvanceMessages';
      readonly teamId: string;
      readonly steps: readonly DeliveryStep[];
      readonly at: EpochMs;
    }
  | { readonly type: 'RunDeletionSchedule'; readonly teamId: string; readonly accountId: string; readonly at: EpochMs };

/** What one step did: the message's status once it was applied, or why it was not. */
export type DeliveryStepReply = ServiceReply<{ status: MessageStatus }, AccountsServiceRefusal>;

export interface AccountsInternalReplies {
  AdvanceMessage: { message: MessageView };
  /** One entry per step, in the order of the steps. */
  AdvanceMessages: { steps: DeliveryStepReply[] };
  RunDeletionSchedule: { remindersRecorded: number[]; purged: boolean };
}

/** Everything that arrives on `accounts.commands` as a write. */
export type AccountsCommandMessage = AccountsCommandRequest | AccountsInternalCommand;

type CommandReplies = Pick<AccountsReplies, AccountsCommandRequest['type']> & AccountsInternalReplies;

export type CommandReply<T extends AccountsCommandMessage['type']> = ServiceReply<
  CommandReplies[T],
  AccountsServiceRefusal
>;

/** The command of type `T`. */
export type CommandOf<T extends AccountsCommandMessage['type']> = Extract<AccountsCommandMessage, { type: T }>;
