import type { LedgerEvent } from '@subledger/contracts';
import { replay } from '@subledger/ledger-domain';
import { ceilDiv, floorDiv, type Micros } from '@subledger/money';
import type { ApiReadings } from './api-readings';
import type { CrashTeam } from '../load/crash-teams';
import { type LedgerSnapshot, spendKey, type StoredLedgerEvent } from './ledger-snapshot';

const MICROS_PER_CENT = 10_000n;

/**
 * Check 5: no cap crossed and no balance below zero: in the projection tables, at every point of
 * each team's history, and in what the API tells clients (cents: spend rounded up, balance down).
 */
export function limitsHeld(snapshot: LedgerSnapshot, api: ApiReadings): string[] {
  const violations: string[] = [];
  for (const row of snapshot.spend.values()) {
    if (row.creditLimit !== null && row.totalSpent > row.creditLimit)
      violations.push(
        `projection: account ${row.accountId} spent ${row.totalSpent} micros over its limit of ${row.creditLimit}`,
      );
  }
  for (const [teamId, row] of snapshot.balances)
    if (row.balance < 0n) violations.push(`projection: team ${teamId} balance is ${row.balance} micros`);
  for (const [teamId, events] of eventsByTeam(snapshot.events)) violations.push(...historyViolations(teamId, events));
  for (const [teamId, cents] of api.teamBalances) {
    const projected = snapshot.balances.get(teamId)?.balance;
    if (cents < 0 || projected === undefined || BigInt(cents) !== floorDiv(projected, MICROS_PER_CENT))
      violations.push(`API: team ${teamId} balance ${cents} cents, projection ${projected} micros`);
  }
  for (const { account, viaSubAccount, viaBalance } of api.subAccounts) {
    const projected = snapshot.spend.get(spendKey(account.teamId, account.accountId))?.totalSpent ?? 0n;
    for (const [route, reading] of [
      ['GET /v1/sub-accounts/:id', viaSubAccount],
      ['GET /v1/balance', viaBalance],
    ] as const) {
      if (reading.creditLimit !== account.creditLimitCents)
        violations.push(
          `API ${route}: ${account.label} has limit ${reading.creditLimit}, created with ${account.creditLimitCents}`,
        );
      if (reading.creditLimit !== null && reading.totalSpent > reading.creditLimit)
        violations.push(
          `API ${route}: ${account.label} spent ${reading.totalSpent} cents over its limit of ${reading.creditLimit}`,
        );
      if (BigInt(reading.totalSpent) !== ceilDiv(projected, MICROS_PER_CENT))
        violations.push(
          `API ${route}: ${account.label} spent ${reading.totalSpent} cents, projection ${projected} micros`,
        );
    }
  }
  return violations;
}

/** Folds a team's stream event by event, as an independent sum, and reports the first moment each rule broke. */
function historyViolations(teamId: string, events: readonly StoredLedgerEvent[]): string[] {
  const violations: string[] = [];
  foldTeam(events, (balance, account, version) => {
    if (balance < 0n) violations.push(`history: team ${teamId} balance ${balance} micros after version ${version}`);
    if (account !== undefined && account.limit !== null && account.spent > account.limit) {
      violations.push(
        `history: account ${account.id} spent ${account.spent} micros over its limit of ${account.limit} at version ${version} of team ${teamId}`,
      );
    }
  });
  return violations;
}

interface FoldedAccount {
  readonly id: string;
  spent: Micros;
  limit: Micros | null;
}

interface FoldedTeam {
  balance: Micros;
  readonly accounts: Map<string, FoldedAccount>;
}

/** An independent fold of a team's events: credits, refunds and charges summed, limits as last set. */
function foldTeam(
  events: readonly StoredLedgerEvent[],
  after?: (balance: Micros, account: FoldedAccount | undefined, version: bigint) => void,
): FoldedTeam {
  const team: FoldedTeam = { balance: 0n, accounts: new Map() };
  const accountOf = (id: string) => {
    let account = team.accounts.get(id);
    if (account === undefined) team.accounts.set(id, (account = { id, spent: 0n, limit: null }));
    return account;
  };
  for (const { version, event } of events) {
    const account = foldEvent(team, event, accountOf);
    after?.(team.balance, account, version);
  }
  return team;
}

function foldEvent(
  team: FoldedTeam,
  event: LedgerEvent,
  accountOf: (id: string) => FoldedAccount,
): FoldedAccount | undefined {
  switch (event.type) {
    case 'TopUpRecorded':
    case 'BalanceAdjusted':
      team.balance += event.amount;
      return undefined;
    case 'SpendPolicySet': {
      const account = accountOf(event.accountId);
      account.limit = event.creditLimit;
      return account;
    }
    case 'ChargeAccepted': {
      const account = accountOf(event.accountId);
      team.balance -= event.amount;
      account.spent += event.amount;
      return account;
    }
    case 'ChargeRefunded': {
      const account = accountOf(event.accountId);
      team.balance += event.amount;
      account.spent -= event.amount;
      return account;
    }
    default:
      return undefined;
  }
}

/**
 * Check 6: the projections are what the events say: each team's balance row and each account's
 * spend row equal both the domain's replay of the stream and the independent fold above, at the
 * stream's last version, over a stream without gaps.
 */
export function projectionsMatchReplay(snapshot: LedgerSnapshot, teams: readonly CrashTeam[]): string[] {
  const violations: string[] = [];
  const streams = eventsByTeam(snapshot.events);
  for (const team of teams) {
    const events = streams.get(team.teamId) ?? [];
    // A stream's first event has version 0.
    const gap = events.findIndex((stored, index) => stored.version !== BigInt(index));
    if (gap >= 0)
      violations.push(`team ${team.teamId}: event #${gap} of the stream has version ${events[gap].version}`);
    const replayed = replay(events.map((stored) => stored.event));
    const folded = foldTeam(events);
    const row = snapshot.balances.get(team.teamId);
    const lastVersion = events.length === 0 ? undefined : events[events.length - 1].version;
    if (
      row === undefined ||
      row.balance !== replayed.balance ||
      row.balance !== folded.balance ||
      row.version !== lastVersion
    ) {
      violations.push(
        `team ${team.teamId}: projection ${row?.balance} micros at version ${row?.version}, replay ${replayed.balance}, fold ${folded.balance} at version ${lastVersion}`,
      );
    }
    const accountIds = new Set([
      ...replayed.accounts.keys(),
      ...folded.accounts.keys(),
      ...team.accounts.map((account) => account.accountId),
    ]);
    for (const accountId of accountIds) {
      const projected = snapshot.spend.get(spendKey(team.teamId, accountId));
      const domain = replayed.accounts.get(accountId);
      const independent = folded.accounts.get(accountId);
      const spent = [projected?.totalSpent ?? 0n, domain?.totalSpent ?? 0n, independent?.spent ?? 0n];
      const limits = [projected?.creditLimit ?? null, domain?.creditLimit ?? null, independent?.limit ?? null];
      if (new Set(spent).size !== 1 || new Set(limits).size !== 1) {
        violations.push(
          `account ${accountId} of team ${team.teamId}: spent (projection, replay, fold) = ${spent.join(', ')}; limits = ${limits.join(', ')}`,
        );
      }
    }
  }
  for (const key of snapshot.spend.keys()) {
    if (!teams.some((team) => key.startsWith(`${team.teamId}/`)))
      violations.push(`projection row ${key} belongs to no team of the run`);
  }
  return violations;
}

function eventsByTeam(events: readonly StoredLedgerEvent[]): Map<string, StoredLedgerEvent[]> {
  const byTeam = new Map<string, StoredLedgerEvent[]>();
  for (const stored of events) {
    const stream = byTeam.get(stored.teamId);
    if (stream === undefined) byTeam.set(stored.teamId, [stored]);
    else stream.push(stored);
  }
  return byTeam;
}
