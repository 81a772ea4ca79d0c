import type { Micros } from '@subledger/money';
import type { SpendStatus } from '../ledger/ledger-event';
import type { Page } from './service-reply';

/**
 * Reads on `ledger.queries`, keyed by team id. Commands travel on `ledger.commands` as the
 * LedgerCommand union itself and are answered with a LedgerOutcome.
 */
export type LedgerQuery =
  | { readonly type: 'GetBalance'; readonly teamId: string; readonly accountIds: readonly string[] }
  | { readonly type: 'ListLedgerEntries'; readonly teamId: string; readonly accountId?: string; readonly cursor: string | null; readonly limit: number };

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

export type LedgerQueryRefusal = { readonly type: 'team_not_found' } | { readonly type: 'invalid_cursor' };

export interface LedgerQueryReplies {
  GetBalance: TeamBalanceView;
  ListLedgerEntries: Page<LedgerEntryView>;
}
