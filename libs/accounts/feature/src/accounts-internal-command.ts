import type {
  AccountsCommandRequest,
  AccountsInternalCommand,
  AccountsInternalReplies,
  AccountsReplies,
  AccountsServiceRefusal,
  ServiceReply,
} from '@subledger/contracts';

/** Everything that arrives on `accounts.commands` as a write. */
export type AccountsCommandMessage = AccountsCommandRequest | AccountsInternalCommand;

type CommandReplies = Pick<AccountsReplies, AccountsCommandRequest['type']> & AccountsInternalReplies;

export type CommandReply<T extends AccountsCommandMessage['type']> = ServiceReply<
  CommandReplies[T],
  AccountsServiceRefusal
>;

/** The command of type `T`. */
export type CommandOf<T extends AccountsCommandMessage['type']> = Extract<AccountsCommandMessage, { type: T }>;
