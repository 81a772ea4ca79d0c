import type { ChargeRefusalReason, SpendStatus } from '@subledger/contracts';
import type { CurrencyCode, Micros } from '@subledger/money';

/**
 * The in-memory state of one team's ledger, folded from its stream.
 *
 * `team`, `balance` and `accounts` are whole. The records of charges, top-ups and adjustments are
 * not: a writer holding 100,000 teams in under 512 MB keeps only its recent ones (see
 * `forgetOldRecords`) and looks the others up in the store. So `decide` takes a missing record
 * for "never recorded", and whoever decides must first put back the record a command names
 * (`recordNamedBy`, `recallRecords`) when it may exist. Records are never mutated; a change replaces
 * the record in its map, which lets a snapshot share them.
 */
export interface LedgerState {
  team: TeamIdentity | null;
  balance: Micros;
  readonly accounts: Map<string, AccountSpend>;
  /** Oldest first: a map keeps insertion order, which is the order the charges were recorded or recalled in. */
  readonly charges: Map<string, ChargeRecord>;
  readonly topUps: Map<string, TopUpRecord>;
  readonly adjustments: Map<string, AdjustmentRecord>;
}

/** What decide may read: the same state, with nothing it could change by mistake. */
export interface LedgerView {
  readonly team: TeamIdentity | null;
  readonly balance: Micros;
  readonly accounts: ReadonlyMap<string, AccountSpend>;
  readonly charges: ReadonlyMap<string, ChargeRecord>;
  readonly topUps: ReadonlyMap<string, TopUpRecord>;
  readonly adjustments: ReadonlyMap<string, AdjustmentRecord>;
}

export interface TeamIdentity {
  readonly teamId: string;
  readonly currency: CurrencyCode;
}

export interface AccountSpend {
  readonly creditLimit: Micros | null;
  readonly status: SpendStatus;
  readonly totalSpent: Micros;
}

/** How a charge ended: the reason of a refusal, or whether an accepted charge was refunded. */
export type ChargeStanding = 'accepted' | 'refunded' | ChargeRefusalReason;

export interface ChargeRecord {
  readonly accountId: string;
  readonly amount: Micros;
  readonly messageId: string | undefined;
  readonly standing: ChargeStanding;
}

export interface TopUpRecord {
  readonly amount: Micros;
  readonly reference: string | undefined;
}

export interface AdjustmentRecord {
  readonly amount: Micros;
  readonly reason: string;
}

/** An account the ledger has never seen a policy for may spend without a cap. */
export const DEFAULT_ACCOUNT_SPEND: AccountSpend = { creditLimit: null, status: 'active', totalSpent: 0n };

export function initialState(): LedgerState {
  return {
    team: null,
    balance: 0n,
    accounts: new Map(),
    charges: new Map(),
    topUps: new Map(),
    adjustments: new Map(),
  };
}

export function accountSpendOf(state: LedgerView, accountId: string): AccountSpend {
  return state.accounts.get(accountId) ?? DEFAULT_ACCOUNT_SPEND;
}

/**
 * A snapshot that later evolve calls on the original cannot touch. Records are immutable, so
 * copying the maps is enough.
 */
export function cloneLedgerState(state: LedgerView): LedgerState {
  return {
    team: state.team,
    balance: state.balance,
    accounts: new Map(state.accounts),
    charges: new Map(state.charges),
    topUps: new Map(state.topUps),
    adjustments: new Map(state.adjustments),
  };
}
