import type { RecordedEvent, SqlEventStore } from '@subledger/event-store';
import { replay } from '@subledger/ledger-domain';
import { ledgerTables } from '../store/ledger-tables';
import { recordedLedgerEvent } from '../team-state/team-stream';

export interface TeamProjection {
  balance: bigint;
  version: bigint;
  accounts: Record<string, { totalSpent: bigint; creditLimit: bigint | null; status: string }>;
}

/** What the ledger's tables say of every team, by team id. */
export async function projectedTeams(store: SqlEventStore): Promise<Record<string, TeamProjection>> {
  const tables = ledgerTables(store.quotedSchema);
  const teams: Record<string, TeamProjection> = {};
  const balances = await store.sql.query<{ team_id: string; balance: string; stream_version: string }>(
    `SELECT team_id, balance::text AS balance, stream_version::text AS stream_version FROM ${tables.teamBalances}`,
  );
  for (const row of balances.rows)
    teams[row.team_id] = { balance: BigInt(row.balance), version: BigInt(row.stream_version), accounts: {} };
  const spend = await store.sql.query<{
    team_id: string;
    account_id: string;
    total_spent: string;
    credit_limit: string | null;
    status: string;
  }>(
    `SELECT team_id, account_id, total_spent::text AS total_spent, credit_limit::text AS credit_limit, status FROM ${tables.accountSpend}`,
  );
  for (const row of spend.rows) {
    const creditLimit = row.credit_limit === null ? null : BigInt(row.credit_limit);
    teams[row.team_id].accounts[row.account_id] = {
      totalSpent: BigInt(row.total_spent),
      creditLimit,
      status: row.status,
    };
  }
  return teams;
}

/**
 * Every team as a full replay of the event store computes it: each `team-` stream folded by the
 * domain from its first event. Accounts that only ever had refused charges have no row, as in
 * the projection.
 */
export async function replayedTeams(store: SqlEventStore): Promise<Record<string, TeamProjection>> {
  const events = (await store.readAll()).filter((event) => event.streamId.startsWith('team-'));
  const teams: Record<string, TeamProjection> = {};
  for (const streamId of new Set(events.map((event) => event.streamId))) {
    const stream = events.filter((event) => event.streamId === streamId);
    const state = replay(stream.map(recordedLedgerEvent));
    const accounts: TeamProjection['accounts'] = {};
    for (const [accountId, spend] of state.accounts) accounts[accountId] = { ...spend };
    teams[streamId.slice('team-'.length)] = {
      balance: state.balance,
      version: stream[stream.length - 1].streamVersion,
      accounts,
    };
  }
  return teams;
}

/** A team's events in version order. */
export function streamOf(store: SqlEventStore, teamId: string): Promise<RecordedEvent[]> {
  return store.readStream(`team-${teamId}`);
}

export async function processedCount(store: SqlEventStore): Promise<number> {
  const { rows } = await store.sql.query<{ count: string }>(
    `SELECT count(*)::text AS count FROM ${ledgerTables(store.quotedSchema).processedCommands}`,
  );
  return Number(rows[0].count);
}
