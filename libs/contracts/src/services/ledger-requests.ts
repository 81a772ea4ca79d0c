import type { Micros } from '@subledger/money';
import type { ChargeRefusalReason, SpendStatus } from '../ledger/ledger-event';
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

/**
 * Reads on `ledger.queries`, keyed by team id (the reads of many teams or of the whole system by
 * their type); answered from the committed projections.
 */
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
      /** Oldest first (default) or newest first; the cursor goes on in the same order. */
      readonly order?: LedgerOrder;
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
    }
  | {
      /** Charges accepted, refunds and refusals by reason of every team, per minute, from the activity projection. */
      readonly type: 'GetActivity';
      /** Epoch ms of the first minute's start, a whole minute. */
      readonly from: number;
      /** Epoch ms, exclusive, a whole minute; at most MAX_ACTIVITY_MINUTES after `from`. */
      readonly to: number;
    }
  | {
      /** Balance, currency and spend since `spendSince` of up to MAX_SUMMARY_TEAMS teams. */
      readonly type: 'GetTeamSummaries';
      readonly teamIds: readonly string[];
      /** Epoch ms, a whole hour: spend is summed over the usage projection's hours from this one on. */
      readonly spendSince: number;
    };

export type LedgerOrder = 'asc' | 'desc';

/** The key a query travels under: its team's id, or for a read of many teams its type (any partition answers it). */
export function ledgerQueryKey(query: LedgerQuery): string {
  return 'teamId' in query ? query.teamId : query.type;
}

/** A minute in ms: the activity projection's rows. */
export const ACTIVITY_MINUTE_MS = 60_000;

/** At most a day of minutes in one activity query. */
export const MAX_ACTIVITY_MINUTES = 1_440;

/** At most this many teams in one summaries query: a page of the operator's team list. */
export const MAX_SUMMARY_TEAMS = 100;

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

/** What every team did in one minute, from the activity projection. */
export interface ActivityMinuteView {
  /** Epoch ms of the minute's start. */
  readonly start: number;
  readonly accepted: number;
  /** Refunds of charges, counted in the minute of the refund. */
  readonly refunds: number;
  /** Refusals by reason, every reason the ledger knows present. */
  readonly refused: Readonly<Record<ChargeRefusalReason, number>>;
}

/** How far an asynchronous projection trails the event store. */
export interface ProjectionLagView {
  readonly name: string;
  /** Global position of the last event it has folded in (`"0"` before the first). */
  readonly projectedTo: string;
  /** Events in the store it has not folded in yet, as a distance in global positions. */
  readonly lagEvents: number;
}

export interface ActivityView {
  readonly from: number;
  readonly to: number;
  /** Every minute from `from` to `to`, oldest first, zeros included. */
  readonly minutes: readonly ActivityMinuteView[];
  readonly projections: readonly ProjectionLagView[];
}

export interface TeamSummaryView {
  readonly teamId: string;
  readonly currency: string;
  readonly balance: Micros;
  /** Charged less refunded since the query's `spendSince`, from the usage projection. */
  readonly spend: Micros;
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
  GetActivity: ActivityView;
  /** The teams the ledger knows, in the order asked; unknown ids are left out. */
  GetTeamSummaries: { readonly teams: readonly TeamSummaryView[] };
}

export type LedgerQueryReply<T extends LedgerQuery['type']> = ServiceReply<LedgerQueryReplies[T], LedgerQueryRefusal>;
