import type { Micros } from '@subledger/money';
import type { SpendStatus } from '../ledger/ledger-event';
import type { LedgerOutcome } from '../ledger/ledger-outcome';
import type { Page, ServiceReply } from './service-reply';

/**
 * Commands travel on `ledger.commands` as the LedgerCommand union itself, keyed by team id, and
 * are answered with a LedgerCommandReply: `ok` with the LedgerOutcome the ledger decided (a
 * refusal the domain named, `{ type: 'refused' }` or `charge_refused`, is a decided outcome too),
 * or a LedgerCommandRefusal for a payload that is not a valid command and was never decided.
 * A command delivered again gets the very outcome it got the first time.
 */
export type LedgerCommandReply = ServiceReply<LedgerOutcome, LedgerCommandRefusal>;

export interface LedgerCommandRefusal {
  readonly type: 'invalid_command';
  /** The offending field, when one is to blame. */
  readonly field: string | null;
  readonly message: string;
}

/** Reads on `ledger.queries`, keyed by team id; answered from the committed projections. */
export type LedgerQuery =
  | { readonly type: 'GetBalance'; readonly teamId: string; readonly accountIds: readonly string[] }
  | {
      readonly type: 'ListLedgerEntries';
      readonly teamId: string;
      readonly accountId?: string;
      /** Null for the first page, else the `nextCursor` of the page before. */
      readonly cursor: string | null;
      /** 1 to 1,000 entries. */
      readonly limit: number;
    }
  | {
      readonly type: 'GetUsage';
      readonly teamId: string;
      readonly accountId?: string;
      /** Epoch ms, inclusive; the first bucket is the one holding it. */
      readonly from: number;
      /** Epoch ms, exclusive. */
      readonly to: number;
      readonly granularity: UsageGranularity;
    };

export type UsageGranularity = 'hour' | 'day';

/** At most this many buckets in one usage query: a month of hours, or two years of days. */
export const MAX_USAGE_BUCKETS = 744;

/** The length of a usage bucket in ms; days are UTC days, whole multiples of an hour since the epoch. */
export function usageBucketMs(granularity: UsageGranularity): number {
  return granularity === 'day' ? 86_400_000 : 3_600_000;
}

/** How many buckets a query from `from` (floored to its bucket) to `to` (exclusive) covers. */
export function usageBucketCount(from: number, to: number, granularity: UsageGranularity): number {
  const size = usageBucketMs(granularity);
  return Math.ceil((to - Math.floor(from / size) * size) / size);
}

/** What a team (or one account) did in one hour or one UTC day, from the usage projection. */
export interface UsageBucketView {
  /** Epoch ms of the bucket's start. */
  readonly start: number;
  readonly charges: number;
  readonly refunds: number;
  readonly refusals: number;
  /** Charged less refunded, in micros. */
  readonly spend: Micros;
}

export interface UsageView {
  readonly teamId: string;
  readonly granularity: UsageGranularity;
  /** Every bucket from `from` to `to`, in order, zeros included. */
  readonly buckets: readonly UsageBucketView[];
  /** Global position of the last event the projection has folded in (`"0"` before the first). */
  readonly projectedTo: string;
}

export interface AccountSpendView {
  readonly accountId: string;
  readonly totalSpent: Micros;
  readonly creditLimit: Micros | null;
  readonly status: SpendStatus;
}

export interface TeamBalanceView {
  readonly teamId: string;
  readonly currency: string;
  readonly balance: Micros;
  /** One entry per requested account, in request order; an unknown account spends 0 without a cap. */
  readonly accounts: readonly AccountSpendView[];
}

/** One event of a team's ledger as operators read it. */
export interface LedgerEntryView {
  /** The event's version in the team stream: the stable order of the ledger. */
  readonly position: string;
  readonly globalPosition: string;
  readonly type: string;
  readonly at: number;
  readonly accountId: string | null;
  readonly chargeId: string | null;
  /** Signed effect on the balance: top-ups and refunds positive, charges negative, refusals 0. */
  readonly amount: Micros;
  readonly balanceAfter: Micros;
  readonly reason: string | null;
  readonly reference: string | null;
}

/** `team_not_found`: the ledger holds no event of this team (it was never opened). */
export type LedgerQueryRefusal =
  | { readonly type: 'team_not_found' }
  | { readonly type: 'invalid_cursor' }
  | { readonly type: 'invalid_query'; readonly message: string };

export interface LedgerQueryReplies {
  GetBalance: TeamBalanceView;
  ListLedgerEntries: Page<LedgerEntryView>;
  GetUsage: UsageView;
}

export type LedgerQueryReply<T extends LedgerQuery['type']> = ServiceReply<LedgerQueryReplies[T], LedgerQueryRefusal>;
