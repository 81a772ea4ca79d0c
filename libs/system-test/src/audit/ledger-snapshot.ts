import { decodeOrThrow, ledgerEventCodec, type LedgerEvent } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import { Client } from 'pg';

/** One stored ledger event of a team, decoded. */
export interface StoredLedgerEvent {
  readonly teamId: string;
  readonly version: bigint;
  readonly event: LedgerEvent;
}

export interface ProjectedBalance {
  readonly balance: Micros;
  readonly version: bigint;
}

export interface ProjectedSpend {
  readonly teamId: string;
  readonly accountId: string;
  readonly totalSpent: Micros;
  readonly creditLimit: Micros | null;
  readonly status: string;
}

/** What the ledger's schema holds once the run is over: its events and its inline projections. */
export interface LedgerSnapshot {
  /** Every team's events, each team's in stream order. */
  readonly events: readonly StoredLedgerEvent[];
  readonly balances: ReadonlyMap<string, ProjectedBalance>;
  /** By `teamId/accountId`. */
  readonly spend: ReadonlyMap<string, ProjectedSpend>;
}

export const spendKey = (teamId: string, accountId: string) => `${teamId}/${accountId}`;

/** Reads the ledger's tables directly with `pg`, not through any code of the service. */
export async function readLedgerSnapshot(databaseUrl: string, schema: string): Promise<LedgerSnapshot> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const quoted = `"${schema.replace(/"/g, '""')}"`;
    const events = await client.query<{ stream_id: string; stream_version: string; data: unknown }>(
      `SELECT stream_id, stream_version::text AS stream_version, data FROM ${quoted}.events WHERE stream_id LIKE 'team-%' ORDER BY events.stream_id, events.stream_version`,
    );
    const balances = await client.query<{ team_id: string; balance: string; stream_version: string }>(
      `SELECT team_id, balance::text AS balance, stream_version::text AS stream_version FROM ${quoted}.ledger_team_balances`,
    );
    const spend = await client.query<{
      team_id: string;
      account_id: string;
      total_spent: string;
      credit_limit: string | null;
      status: string;
    }>(
      `SELECT team_id, account_id, total_spent::text AS total_spent, credit_limit::text AS credit_limit, status FROM ${quoted}.ledger_account_spend`,
    );
    return {
      events: events.rows.map((row) => ({
        teamId: row.stream_id.slice('team-'.length),
        version: BigInt(row.stream_version),
        event: decodeOrThrow(
          ledgerEventCodec,
          row.data,
          `event ${row.stream_version} of ${row.stream_id} is not a ledger event`,
        ),
      })),
      balances: new Map(
        balances.rows.map((row) => [
          row.team_id,
          { balance: BigInt(row.balance), version: BigInt(row.stream_version) },
        ]),
      ),
      spend: new Map(
        spend.rows.map((row) => [
          spendKey(row.team_id, row.account_id),
          {
            teamId: row.team_id,
            accountId: row.account_id,
            totalSpent: BigInt(row.total_spent),
            creditLimit: row.credit_limit === null ? null : BigInt(row.credit_limit),
            status: row.status,
          },
        ]),
      ),
    };
  } finally {
    await client.end();
  }
}
