import type { LedgerEvent } from '@subledger/contracts';
import type { TeamEvent } from './team-events';

/** One way the event store or the projections break docs/contract.md §8 (docs/deployment.md, "verify"). */
export interface MoneyMismatch {
  readonly teamId: string;
  readonly accountId?: string;
  readonly check: string;
  readonly detail: string;
}

export interface ReplayedAccount {
  totalSpent: bigint;
  creditLimit: bigint | null;
  status: string;
}

export interface ReplayedTeam {
  version: bigint;
  currency: string | null;
  /** Top-ups + adjustments - charges + refunds. */
  balance: bigint;
  readonly accounts: Map<string, ReplayedAccount>;
}

/**
 * Replays the ledger's events with docs/contract.md §8.3's own arithmetic, apart from the writer's `evolve`:
 * a team's balance is its top-ups and adjustments, less its charges, plus its refunds; an account's
 * `totalSpent` its charges less its refunds. Each event is checked as it comes: its stream follows
 * on without a gap, an accepted charge leaves its account within its credit limit and the balance
 * not below zero, and the numbers stored with the event (`balanceAfter`, `totalSpentAfter`) are the
 * replay's.
 */
export class MoneyReplay {
  readonly teams = new Map<string, ReplayedTeam>();

  apply({ teamId, recorded, event }: TeamEvent, report: (mismatch: MoneyMismatch) => void): void {
    let team = this.teams.get(teamId);
    if (team === undefined)
      this.teams.set(teamId, (team = { version: -1n, currency: null, balance: 0n, accounts: new Map() }));
    if (recorded.streamVersion !== team.version + 1n) {
      report({ teamId, check: 'stream', detail: `version ${recorded.streamVersion} follows ${team.version}` });
    }
    team.version = recorded.streamVersion;
    const account = applyEvent(team, event);
    if (event.type === 'ChargeAccepted' && account !== null) {
      if (account.creditLimit !== null && account.totalSpent > account.creditLimit) {
        report({
          teamId,
          accountId: event.accountId,
          check: 'credit limit',
          detail: `charge ${event.chargeId} took totalSpent to ${account.totalSpent}, past the limit ${account.creditLimit}`,
        });
      }
      if (team.balance < 0n)
        report({
          teamId,
          accountId: event.accountId,
          check: 'balance',
          detail: `charge ${event.chargeId} took the balance to ${team.balance}`,
        });
    }
    const { balanceAfter, totalSpentAfter } = recorded.metadata;
    if (balanceAfter !== team.balance.toString()) {
      report({
        teamId,
        check: 'balanceAfter',
        detail: `event ${recorded.streamVersion} (${event.type}) stores ${String(balanceAfter)}, the replay gives ${team.balance}`,
      });
    }
    if (totalSpentAfter !== undefined && account !== null && totalSpentAfter !== account.totalSpent.toString()) {
      report({
        teamId,
        accountId: accountOf(event) ?? undefined,
        check: 'totalSpentAfter',
        detail: `event ${recorded.streamVersion} (${event.type}) stores ${String(totalSpentAfter)}, the replay gives ${account.totalSpent}`,
      });
    }
  }
}

/** Applies the event; answers the account it touched, if any. */
function applyEvent(team: ReplayedTeam, event: LedgerEvent): ReplayedAccount | null {
  switch (event.type) {
    case 'TeamOpened':
      team.currency = event.currency;
      return null;
    case 'TopUpRecorded':
    case 'BalanceAdjusted':
      team.balance += event.amount;
      return null;
    case 'ChargeRefused':
      return null;
    case 'SpendPolicySet': {
      const account = accountIn(team, event.accountId);
      account.creditLimit = event.creditLimit;
      account.status = event.status;
      return account;
    }
    case 'ChargeAccepted': {
      const account = accountIn(team, event.accountId);
      team.balance -= event.amount;
      account.totalSpent += event.amount;
      return account;
    }
    case 'ChargeRefunded': {
      const account = accountIn(team, event.accountId);
      team.balance += event.amount;
      account.totalSpent -= event.amount;
      return account;
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown ledger event ${JSON.stringify(unknown)}`);
    }
  }
}

function accountIn(team: ReplayedTeam, accountId: string): ReplayedAccount {
  let account = team.accounts.get(accountId);
  if (account === undefined)
    team.accounts.set(accountId, (account = { totalSpent: 0n, creditLimit: null, status: 'active' }));
  return account;
}

function accountOf(event: LedgerEvent): string | null {
  return 'accountId' in event ? event.accountId : null;
}
