import type { Pool, PoolClient } from 'pg';

/** The fields of a `ledger.events` message this consumer reads (docs/events.md). */
export interface LedgerEventValue {
  eventId: string;
  teamId: string;
  version: string;
  type: string;
  data: { amount?: string };
  currency: string;
  balanceAfter: string;
}

export type Applied = 'applied' | 'duplicate';

/**
 * A balance per team, kept from the topic: `version` is the last stream version applied, so a
 * message whose version is not above it is a redelivery and is skipped (at-least-once delivery),
 * and one that skips a version means the consumer missed events: it stops instead of guessing.
 */
export class BalanceTable {
  constructor(
    private readonly pool: Pool,
    readonly table = 'team_balances',
  ) {}

  async create(): Promise<void> {
    await this.pool.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      team_id text PRIMARY KEY,
      currency text NOT NULL,
      balance_micros bigint NOT NULL,
      version bigint NOT NULL
    )`);
  }

  /** Applies one event in its own transaction, after the team's previous version and only once. */
  async apply(event: LedgerEventValue): Promise<Applied> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const applied = await this.applyIn(client, event);
      await client.query('COMMIT');
      return applied;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /** Every team's row: currency, balance in micros, last version applied. */
  async balances(): Promise<Map<string, { currency: string; balance: bigint; version: bigint }>> {
    const { rows } = await this.pool.query<{
      team_id: string;
      currency: string;
      balance_micros: string;
      version: string;
    }>(`SELECT team_id, currency, balance_micros::text, version::text FROM ${this.table}`);
    return new Map(
      rows.map((row) => [
        row.team_id,
        { currency: row.currency, balance: BigInt(row.balance_micros), version: BigInt(row.version) },
      ]),
    );
  }

  private async applyIn(client: PoolClient, event: LedgerEventValue): Promise<Applied> {
    const version = BigInt(event.version);
    const { rows } = await client.query<{ version: string; balance_micros: string }>(
      `SELECT version::text, balance_micros::text FROM ${this.table} WHERE team_id = $1 FOR UPDATE`,
      [event.teamId],
    );
    const last = rows.length === 0 ? -1n : BigInt(rows[0].version);
    if (version <= last) return 'duplicate';
    if (version !== last + 1n)
      throw new Error(`Team ${event.teamId}: version ${version} follows ${last}; events are missing (replay the team)`);
    // The message carries the balance after the event; for the types it knows, the consumer checks
    // that folding their amounts gives the same. A type added later is taken at its balanceAfter.
    const effect = effectOf(event);
    const before = rows.length === 0 ? 0n : BigInt(rows[0].balance_micros);
    if (effect !== undefined && (before + effect).toString() !== event.balanceAfter) {
      throw new Error(
        `Team ${event.teamId} version ${version}: folded balance ${before + effect}, message says ${event.balanceAfter}`,
      );
    }
    await client.query(
      `INSERT INTO ${this.table} (team_id, currency, balance_micros, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id) DO UPDATE SET balance_micros = EXCLUDED.balance_micros, version = EXCLUDED.version`,
      [event.teamId, event.currency, event.balanceAfter, event.version],
    );
    return 'applied';
  }
}

/** What an event does to the team's balance, in micros; undefined for a type this consumer does not know. */
export function effectOf(event: Pick<LedgerEventValue, 'type' | 'data'>): bigint | undefined {
  switch (event.type) {
    case 'TopUpRecorded':
    case 'BalanceAdjusted':
    case 'ChargeRefunded':
      return BigInt(event.data.amount ?? '0');
    case 'ChargeAccepted':
      return -BigInt(event.data.amount ?? '0');
    case 'TeamOpened':
    case 'SpendPolicySet':
    case 'ChargeRefused':
      return 0n;
    default:
      return undefined;
  }
}
