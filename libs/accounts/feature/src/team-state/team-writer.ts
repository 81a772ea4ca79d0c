import { Inject, Injectable } from '@nestjs/common';
import type { AccountsServiceRefusal } from '@subledger/contracts';
import type { SqlEventStore } from '@subledger/event-store';
import { EVENT_STORE } from '@subledger/platform';
import { ledgerEffectsOf } from './ledger-effects';
import { LedgerClient } from '../ledger/ledger-client';
import { AccountsReadModel } from '../read-model/accounts-read-model';
import { writeChangeRows } from './change-rows';
import { TeamChange } from './team-change';
import { TeamStateCache } from './team-state-cache';

/**
 * Starts and commits the change of one command on one team. Only the consumer of the team's
 * partition calls it, so it is the single writer of the team's streams and rows.
 */
@Injectable()
export class TeamWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: SqlEventStore,
    private readonly cache: TeamStateCache,
    private readonly readModel: AccountsReadModel,
    private readonly ledger: LedgerClient,
  ) {}

  async begin(teamId: string): Promise<TeamChange> {
    const team = await this.cache.team(teamId);
    return new TeamChange(team, (owner, accountId) => this.cache.account(owner, accountId));
  }

  /**
   * Tells the ledger first (a new team, changed spend policies) and waits for its outcome, then
   * appends the events and writes the rows in one transaction. Why this order: a stricter policy
   * applied at the ledger is safe even if the commit then fails (the client gets an error and
   * retries, and the ledger takes the same policy again), while committing first could answer
   * "suspended" while charges still pass. A refusal by the ledger leaves everything here untouched.
   */
  async commit(change: TeamChange, at: number): Promise<AccountsServiceRefusal | null> {
    if (!change.hasEvents) return null;
    for (const effect of ledgerEffectsOf(change, at)) {
      const verdict = await this.ledger.send(effect.command, effect.accepts);
      if (!verdict.ok) return verdict.error;
    }
    try {
      const results = await this.store.transaction(async (tx) => {
        await writeChangeRows(tx, this.readModel, this.store.quotedSchema, change);
        // Last, because the append takes the store's commit-order lock until the transaction ends.
        return tx.appendMany(change.appends());
      });
      this.cache.remember(change.committed(results));
      return null;
    } catch (error) {
      // A version conflict means another writer got there (a rebalance); either way, reload.
      this.cache.forget(change.teamId);
      throw error;
    }
  }
}
