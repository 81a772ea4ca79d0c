import { accountSpendOf, evolve, forgetOldRecords, initialState, type LedgerState } from '@subledger/ledger-domain';
import type { ProjectionFold, Queryable, RebuildableProjection, RebuildSchemas } from '@subledger/platform/standalone';
import { spendChangedBy } from '../commands/team-batch';
import { type AccountSpendRow, upsertAccountSpend } from '../projections/account-spend.projection';
import { type TeamBalanceRow, upsertTeamBalances } from '../projections/team-balance.projection';
import { ledgerTables } from '../store/ledger-tables';
import { combinedWrite } from '../store/rows-write';
import { teamEventsOf } from './team-events';

// Rows written per statement when the fold is flushed.
const ROWS_PER_WRITE = 5_000;
// The fold needs balances, spend and policies only: no record of any charge, top-up or adjustment.
const NO_RECORDS = { charges: 0, topUps: 0, adjustments: 0 };

interface FoldedTeam {
  readonly state: LedgerState;
  version: bigint;
  /** The version of the last event that changed each account's spend or policy. */
  readonly accounts: Map<string, bigint>;
}

/**
 * The ledger's inline projections, `ledger_team_balances` and `ledger_account_spend`, folded with
 * the writer's own `evolve` and written with its own upserts. A spend row's `stream_version` is the
 * last event that changed the account, where the writer writes its batch's last version: it is left
 * out of the comparison, and the writer's next batch moves it on as usual.
 */
export const balancesProjection: RebuildableProjection = {
  name: 'team balances and account spend',
  tables: [
    { name: 'ledger_team_balances', key: ['team_id'], compared: ['currency', 'balance', 'stream_version'] },
    {
      name: 'ledger_account_spend',
      key: ['team_id', 'account_id'],
      compared: ['total_spent', 'credit_limit', 'status'],
    },
  ],
  start: (schemas) => new BalancesFold(schemas),
};

class BalancesFold implements ProjectionFold {
  private readonly teams = new Map<string, FoldedTeam>();
  /** Teams changed since the last flush. */
  private readonly dirty = new Set<string>();

  constructor(private readonly schemas: RebuildSchemas) {}

  async fold(page: Parameters<ProjectionFold['fold']>[0]): Promise<void> {
    for (const { teamId, recorded, event } of teamEventsOf(page)) {
      let team = this.teams.get(teamId);
      if (team === undefined)
        this.teams.set(teamId, (team = { state: initialState(), version: -1n, accounts: new Map() }));
      if (recorded.streamVersion !== team.version + 1n)
        throw new Error(
          `${recorded.streamId} holds version ${recorded.streamVersion} after ${team.version}: its events are not contiguous`,
        );
      evolve(team.state, event);
      team.version = recorded.streamVersion;
      const accountId = spendChangedBy(event);
      if (accountId !== null) team.accounts.set(accountId, team.version);
      this.dirty.add(teamId);
    }
    for (const teamId of this.dirty) forgetOldRecords((this.teams.get(teamId) as FoldedTeam).state, NO_RECORDS);
  }

  async flush(db: Queryable): Promise<void> {
    const tables = ledgerTables(this.schemas.stage);
    const ids = [...this.dirty];
    this.dirty.clear();
    for (let start = 0; start < ids.length; start += ROWS_PER_WRITE) {
      const balances: TeamBalanceRow[] = [];
      const spends: AccountSpendRow[] = [];
      for (const teamId of ids.slice(start, start + ROWS_PER_WRITE)) {
        const { state, version, accounts } = this.teams.get(teamId) as FoldedTeam;
        if (state.team !== null)
          balances.push({ teamId, currency: state.team.currency, balance: state.balance, streamVersion: version });
        for (const [accountId, streamVersion] of accounts)
          spends.push({ teamId, accountId, ...accountSpendOf(state, accountId), streamVersion });
      }
      const writes = [
        ...(balances.length > 0 ? [upsertTeamBalances(tables, balances)] : []),
        ...(spends.length > 0 ? [upsertAccountSpend(tables, spends)] : []),
      ];
      if (writes.length > 0) await db.query(...combinedWrite(writes));
    }
  }
}
