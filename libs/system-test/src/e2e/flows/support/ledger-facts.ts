import type { RecordedEvent, SqlEventStore } from '@subledger/event-store';
import type { Micros } from '@subledger/money';

export interface AcceptedCharge {
  readonly accountId: string;
  readonly amount: Micros;
}

/**
 * What a team's ledger stream says, in exact micros: the truth that the HTTP answers of a flow are
 * checked against. Built from the events themselves, not from any projection.
 */
export interface LedgerFacts {
  /** Accepted charges by charge id (a charge id recorded twice would throw while reading). */
  readonly accepted: ReadonlyMap<string, AcceptedCharge>;
  readonly refusedChargeIds: readonly string[];
  /** How many `ChargeRefunded` events each refunded charge has. */
  readonly refundsByCharge: ReadonlyMap<string, number>;
  /** Top-ups and adjustments. */
  readonly credits: Micros;
  /** Credits + refunds - accepted charges (docs/contract.md §8.3). */
  readonly balance: Micros;
  /** An account's accepted charges minus its refunds. */
  spentBy(accountId: string): Micros;
}

export async function ledgerFacts(store: SqlEventStore, teamId: string): Promise<LedgerFacts> {
  const accepted = new Map<string, AcceptedCharge>();
  const refundsByCharge = new Map<string, number>();
  const refunded = new Map<string, Micros>();
  const refusedChargeIds: string[] = [];
  let credits = 0n;
  for (const event of await teamStream(store, teamId)) {
    const data = event.data as Record<string, string>;
    switch (event.type) {
      case 'TopUpRecorded':
      case 'BalanceAdjusted':
        credits += BigInt(data.amount);
        break;
      case 'ChargeAccepted':
        if (accepted.has(data.chargeId)) throw new Error(`charge ${data.chargeId} accepted twice`);
        accepted.set(data.chargeId, { accountId: data.accountId, amount: BigInt(data.amount) });
        break;
      case 'ChargeRefused':
        refusedChargeIds.push(data.chargeId);
        break;
      case 'ChargeRefunded':
        refundsByCharge.set(data.chargeId, (refundsByCharge.get(data.chargeId) ?? 0) + 1);
        refunded.set(data.accountId, (refunded.get(data.accountId) ?? 0n) + BigInt(data.amount));
        break;
    }
  }
  const charged = (accountId?: string) =>
    sum(
      [...accepted.values()]
        .filter((charge) => accountId === undefined || charge.accountId === accountId)
        .map((charge) => charge.amount),
    );
  const allRefunds = sum([...refunded.values()]);
  return {
    accepted,
    refusedChargeIds,
    refundsByCharge,
    credits,
    balance: credits + allRefunds - charged(),
    spentBy: (accountId) => charged(accountId) - (refunded.get(accountId) ?? 0n),
  };
}

/** The team's ledger events, in stream order. */
export const teamStream = (store: SqlEventStore, teamId: string): Promise<RecordedEvent[]> =>
  store.readStream(`team-${teamId}`);

/** The ledger's inline projections of a team, as committed: balance and each account's spend. */
export async function ledgerProjection(
  store: SqlEventStore,
  teamId: string,
): Promise<{ balance: Micros; spent: ReadonlyMap<string, Micros> }> {
  const schema = store.quotedSchema;
  const balances = await store.sql.query<{ balance: string }>(
    `SELECT balance::text AS balance FROM ${schema}.ledger_team_balances WHERE team_id = $1`,
    [teamId],
  );
  const spend = await store.sql.query<{ account_id: string; total_spent: string }>(
    `SELECT account_id, total_spent::text AS total_spent FROM ${schema}.ledger_account_spend WHERE team_id = $1`,
    [teamId],
  );
  if (balances.rows.length !== 1) throw new Error(`no balance row for team ${teamId}`);
  return {
    balance: BigInt(balances.rows[0].balance),
    spent: new Map(spend.rows.map((row) => [row.account_id, BigInt(row.total_spent)])),
  };
}

export const sum = (amounts: readonly Micros[]): Micros => amounts.reduce((total, amount) => total + amount, 0n);

/**
 * A message's `cost` (a USD number, docs/contract.md §1) in micros, read from its decimal digits rather than
 * multiplied as a float, so that a sum of costs is compared with the ledger exactly.
 */
export function usdToMicros(usd: number): Micros {
  const [units, fraction = ''] = String(usd).split('.');
  if (!/^\d+$/.test(units) || !/^\d{0,6}$/.test(fraction)) throw new Error(`not an amount of micros: ${usd}`);
  return BigInt(units) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}
