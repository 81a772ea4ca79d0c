import type { Micros } from '@subledger/money';
import type { AccountMetadata, ApiKeyEnvironment, EpochMs } from '../accounts/account-kinds';
import type { AccountChanges } from '../accounts/account.commands';
import type { AccountsRefusal } from '../accounts/accounts-refusal';
import type {
  AccountView,
  ApiKeyView,
  KeyIdentity,
  MessageStatus,
  MessageView,
  TeamListItemView,
  TeamView,
} from './accounts-views';
import type { Page, ServiceReply } from './service-reply';

/**
 * A key the gateway generated: the accounts service only ever sees its digest (SHA-256, hex) and
 * its first 12 characters; the full key is shown to the client once and never leaves the gateway.
 */
export interface NewApiKey {
  readonly keyId: string;
  readonly name: string;
  readonly environment: ApiKeyEnvironment;
  readonly permissions: readonly string[];
  readonly prefix: string;
  readonly digest: string;
}

/** A message as the gateway hands it over: the view's fields the accounts service does not decide itself. */
export type NewMessage = Omit<
  MessageView,
  'teamId' | 'to' | 'status' | 'refunded' | 'errorCode' | 'createdAt' | 'updatedAt'
> & {
  /** Present until the account is purged; the view makes it nullable for that reason. */
  readonly to: string;
};

/** Writes, on `accounts.commands`, keyed by team id. Ids and times are chosen by the gateway. */
export type AccountsCommandRequest =
  | {
      readonly type: 'CreateTeam';
      readonly teamId: string;
      readonly name: string;
      readonly currency: string;
      readonly mainAccountId: string;
      readonly mainKey: NewApiKey;
      readonly at: EpochMs;
    }
  | {
      readonly type: 'CreateSubAccount';
      readonly teamId: string;
      readonly accountId: string;
      readonly name: string;
      readonly externalId: string | null;
      readonly creditLimit: Micros | null;
      readonly metadata: AccountMetadata | null;
      readonly key: NewApiKey;
      readonly at: EpochMs;
    }
  | {
      readonly type: 'UpdateSubAccount';
      readonly teamId: string;
      readonly accountId: string;
      readonly changes: AccountChanges;
      readonly at: EpochMs;
    }
  | { readonly type: 'DeactivateSubAccount'; readonly teamId: string; readonly accountId: string; readonly at: EpochMs }
  | {
      readonly type: 'ScheduleSubAccountDeletion';
      readonly teamId: string;
      readonly accountId: string;
      readonly at: EpochMs;
    }
  | { readonly type: 'RestoreSubAccount'; readonly teamId: string; readonly accountId: string; readonly at: EpochMs }
  | {
      readonly type: 'CreateApiKey';
      readonly teamId: string;
      readonly accountId: string;
      readonly key: NewApiKey;
      readonly at: EpochMs;
    }
  | {
      readonly type: 'RevokeApiKey';
      readonly teamId: string;
      readonly accountId: string;
      readonly keyId: string;
      readonly at: EpochMs;
    }
  /**
   * May be sent without asking for a reply (`handOver`): a live message the accounts service
   * refuses to record (`account_not_found`, `account_purged`, an id another account holds) has its
   * charge refunded by the accounts service itself (`RefundCharge`, reason `message_not_recorded`).
   */
  | { readonly type: 'RecordMessage'; readonly teamId: string; readonly message: NewMessage; readonly at: EpochMs }
  /** Batched `lastUsedAt` updates, so that authenticating a request never writes to a database. */
  | {
      readonly type: 'RecordKeyUsage';
      readonly teamId: string;
      readonly usages: readonly { readonly keyId: string; readonly at: EpochMs }[];
    };

/** Reads, on `accounts.queries`. */
export type AccountsQueryRequest =
  | { readonly type: 'AuthenticateKey'; readonly digest: string }
  | { readonly type: 'GetTeam'; readonly teamId: string }
  /** Every team, newest first; `search` matches a case-insensitive part of the name or the start of the id. Keyed by its type. */
  | {
      readonly type: 'ListTeams';
      readonly search: string | null;
      readonly cursor: string | null;
      readonly limit: number;
    }
  /** The number of keys not revoked of each of the team's accounts. */
  | { readonly type: 'CountActiveKeys'; readonly teamId: string }
  | { readonly type: 'GetAccount'; readonly teamId: string; readonly accountId: string }
  | {
      readonly type: 'ListSubAccounts';
      readonly teamId: string;
      readonly cursor: string | null;
      readonly limit: number;
    }
  | { readonly type: 'ListApiKeys'; readonly teamId: string; readonly accountId: string }
  | { readonly type: 'GetMessage'; readonly teamId: string; readonly accountId: string; readonly messageId: string }
  | {
      readonly type: 'ListMessages';
      readonly teamId: string;
      readonly accountId: string;
      readonly cursor: string | null;
      readonly limit: number;
      readonly status?: MessageStatus;
      readonly channel?: string;
      readonly to?: string;
    };

/**
 * Reads placed on `accounts.commands`, keyed by team id, with the fields and replies of the queries
 * of the same type. They are answered once every command before them on the team's partition is
 * committed, so a reader sees its own writes that were handed over before it asked (a message
 * answered 202 moments ago). The plain queries on `accounts.queries` stay the cheaper first try.
 */
export type AccountsOrderedRead = Extract<AccountsQueryRequest, { readonly type: 'GetMessage' | 'ListMessages' }>;

export type AccountsServiceRefusal =
  | AccountsRefusal
  | { readonly type: 'message_not_found' }
  | { readonly type: 'invalid_cursor' }
  | { readonly type: 'upstream_refused'; readonly service: 'ledger'; readonly reason: string };

/** The value each request answers with. */
export interface AccountsReplies {
  CreateTeam: { team: TeamView; mainAccount: AccountView; apiKey: ApiKeyView };
  CreateSubAccount: { account: AccountView; apiKey: ApiKeyView };
  UpdateSubAccount: { account: AccountView };
  DeactivateSubAccount: { account: AccountView; keysRevoked: number };
  ScheduleSubAccountDeletion: { account: AccountView };
  RestoreSubAccount: { account: AccountView };
  CreateApiKey: { apiKey: ApiKeyView };
  RevokeApiKey: { apiKey: ApiKeyView };
  RecordMessage: { message: MessageView };
  RecordKeyUsage: { recorded: number };
  AuthenticateKey: { identity: KeyIdentity | null };
  GetTeam: { team: TeamView; accounts: AccountView[] };
  ListTeams: Page<TeamListItemView>;
  CountActiveKeys: { accounts: { accountId: string; activeKeys: number }[] };
  GetAccount: { account: AccountView };
  ListSubAccounts: Page<AccountView>;
  ListApiKeys: { items: ApiKeyView[] };
  GetMessage: { message: MessageView };
  ListMessages: Page<MessageView>;
}

/** At most this many characters in a team search. */
export const MAX_TEAM_SEARCH_LENGTH = 100;

/** The key a query travels under: its team's id, a key's digest, or for a read of every team its type. */
export function accountsQueryKey(query: AccountsQueryRequest): string {
  return 'teamId' in query ? query.teamId : 'digest' in query ? query.digest : query.type;
}

export type AccountsRequest = AccountsCommandRequest | AccountsQueryRequest;
export type AccountsReply<T extends AccountsRequest['type']> = ServiceReply<AccountsReplies[T], AccountsServiceRefusal>;

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
