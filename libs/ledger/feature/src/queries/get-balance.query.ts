import { replyOk, replyRefused } from '@subledger/contracts';
import type { AccountSpendView, LedgerQueryReply, SpendStatus } from '@subledger/contracts';
import type { SqlClient } from '@subledger/event-store';
import { DEFAULT_ACCOUNT_SPEND } from '@subledger/ledger-domain';
import type { LedgerTables } from '../store/ledger-tables';

interface BalanceRow {
  [column: string]: unknown;
  currency: string;
  balance: string;
  account_id: string | null;
  total_spent: string | null;
  credit_limit: string | null;
  status: SpendStatus | null;
}

/**
 * The team's balance and the spend of the requested accounts, from the committed projections in
 * one query. A command's reply is sent after its commit, so whoever got it reads its effect here.
 */
export async function getBalance(
  sql: Pick<SqlClient, 'query'>,
  tables: LedgerTables,
  teamId: string,
  accountIds: readonly string[],
): Promise<LedgerQueryReply<'GetBalance'>> {
  const { rows } = await sql.query<BalanceRow>(
    `SELECT t.currency, t.balance::text AS balance, a.account_id, a.total_spent::text AS total_spent,
       a.credit_limit::text AS credit_limit, a.status
     FROM ${tables.teamBalances} t
     LEFT JOIN ${tables.accountSpend} a ON a.team_id = t.team_id AND a.account_id = ANY($2::text[])
     WHERE t.team_id = $1`,
    [teamId, accountIds],
  );
  if (rows.length === 0) return replyRefused({ type: 'team_not_found' });
  const known = new Map(rows.filter((row) => row.account_id !== null).map((row) => [row.account_id, spendOf(row)]));
  const accounts = accountIds.map((accountId) => ({ ...(known.get(accountId) ?? DEFAULT_ACCOUNT_SPEND), accountId }));
  return replyOk({ teamId, currency: rows[0].currency, balance: BigInt(rows[0].balance), accounts });
}

function spendOf(row: BalanceRow): Omit<AccountSpendView, 'accountId'> {
  return {
    totalSpent: BigInt(row.total_spent ?? 0),
    creditLimit: row.credit_limit === null ? null : BigInt(row.credit_limit),
    status: row.status ?? 'active',
  };
}
