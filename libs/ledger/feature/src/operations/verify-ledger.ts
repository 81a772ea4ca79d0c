import type { SqlEventStore } from '@subledger/event-store';
import { eventPages, type Queryable } from '@subledger/platform/standalone';
import { ledgerTables, type LedgerTables } from '../store/ledger-tables';
import { type MoneyMismatch, MoneyReplay, type ReplayedTeam } from './money-invariants';
import { teamEventsOf } from './team-events';

export type VerifyStore = Pick<SqlEventStore, 'transaction' | 'quotedSchema'>;

export interface VerifyResult {
  readonly events: number;
  readonly teams: number;
  readonly mismatches: number;
}

interface BalanceRow {
  [column: string]: unknown;
  team_id: string;
  currency: string;
  balance: string;
  stream_version: string;
}

interface SpendRow {
  [column: string]: unknown;
  team_id: string;
  account_id: string;
  total_spent: string;
  credit_limit: string | null;
  status: string;
}

const PAGE = 5_000;

/**
 * Replays every team's stream (MoneyReplay) and holds the projections against the replay: each
 * team's balance row and each account's spend row, none missing and none extra. One repeatable-read
 * transaction, so the events and the projections are one moment's, even beside a running writer.
 * Every mismatch goes to `report` as it is found.
 */
export function verifyLedger(
  store: VerifyStore,
  report: (mismatch: MoneyMismatch) => void,
  onEvents?: (read: number) => void,
): Promise<VerifyResult> {
  return store.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const replay = new MoneyReplay();
    let events = 0;
    let mismatches = 0;
    const count = (mismatch: MoneyMismatch): void => {
      mismatches += 1;
      report(mismatch);
    };
    for await (const page of eventPages(tx, -1n, null, PAGE)) {
      for (const teamEvent of teamEventsOf(page)) replay.apply(teamEvent, count);
      events += page.length;
      onEvents?.(events);
    }
    const tables = ledgerTables(store.quotedSchema);
    await compareBalances(tx, tables, replay.teams, count);
    await compareSpend(tx, tables, replay.teams, count);
    return { events, teams: replay.teams.size, mismatches };
  });
}

async function compareBalances(
  db: Queryable,
  tables: LedgerTables,
  teams: ReadonlyMap<string, ReplayedTeam>,
  report: (m: MoneyMismatch) => void,
): Promise<void> {
  const seen = new Set<string>();
  for await (const row of keyPages<BalanceRow>(
    db,
    `SELECT team_id, currency, balance::text, stream_version::text FROM ${tables.teamBalances}`,
    ['team_id'],
  )) {
    seen.add(row.team_id);
    const team = teams.get(row.team_id);
    if (team === undefined) {
      report({
        teamId: row.team_id,
        check: 'team balance',
        detail: `a balance row (${row.balance}) for a team without events`,
      });
      continue;
    }
    const replayed = `${team.currency} ${team.balance} at version ${team.version}`;
    const projected = `${row.currency} ${row.balance} at version ${row.stream_version}`;
    if (replayed !== projected)
      report({ teamId: row.team_id, check: 'team balance', detail: `projection ${projected}, replay ${replayed}` });
  }
  for (const [teamId, team] of teams) {
    if (!seen.has(teamId) && team.currency !== null)
      report({ teamId, check: 'team balance', detail: `no balance row; the replay gives ${team.balance}` });
  }
}

async function compareSpend(
  db: Queryable,
  tables: LedgerTables,
  teams: ReadonlyMap<string, ReplayedTeam>,
  report: (m: MoneyMismatch) => void,
): Promise<void> {
  const seen = new Set<string>();
  for await (const row of keyPages<SpendRow>(
    db,
    `SELECT team_id, account_id, total_spent::text, credit_limit::text, status FROM ${tables.accountSpend}`,
    ['team_id', 'account_id'],
  )) {
    seen.add(`${row.team_id}\u0000${row.account_id}`);
    const account = teams.get(row.team_id)?.accounts.get(row.account_id);
    const projected = `totalSpent ${row.total_spent}, limit ${row.credit_limit ?? 'none'}, ${row.status}`;
    if (account === undefined) {
      report({
        teamId: row.team_id,
        accountId: row.account_id,
        check: 'account spend',
        detail: `a spend row (${projected}) for an account without events`,
      });
      continue;
    }
    const replayed = `totalSpent ${account.totalSpent}, limit ${account.creditLimit ?? 'none'}, ${account.status}`;
    if (replayed !== projected)
      report({
        teamId: row.team_id,
        accountId: row.account_id,
        check: 'account spend',
        detail: `projection ${projected}, replay ${replayed}`,
      });
  }
  for (const [teamId, team] of teams) {
    for (const [accountId, account] of team.accounts) {
      if (!seen.has(`${teamId}\u0000${accountId}`))
        report({
          teamId,
          accountId,
          check: 'account spend',
          detail: `no spend row; the replay gives totalSpent ${account.totalSpent}`,
        });
    }
  }
}

/** The rows of `select` in key order, a page at a time (keyset pagination on the key columns). */
async function* keyPages<R extends Record<string, unknown>>(
  db: Queryable,
  select: string,
  key: readonly string[],
): AsyncGenerator<R> {
  let after: unknown[] | null = null;
  for (;;) {
    const where: string =
      after === null ? '' : `WHERE (${key.join(', ')}) > (${key.map((_, i) => `$${i + 1}`).join(', ')})`;
    const { rows }: { rows: R[] } = await db.query<R>(
      `${select} ${where} ORDER BY ${key.join(', ')} LIMIT ${PAGE}`,
      after ?? [],
    );
    yield* rows;
    if (rows.length < PAGE) return;
    const last: R = rows[rows.length - 1];
    after = key.map((column) => last[column]);
  }
}
