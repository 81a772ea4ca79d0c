import { type AccountState, type ApiKey, isLive } from '@subledger/accounts-domain';
import type { SqlEventStoreTransaction } from '@subledger/event-store';
import { eraseAccountHistory } from './history-erasure';
import type { AccountsReadModel } from '../read-model/accounts-read-model';
import type { TeamChange } from './team-change';

/**
 * Writes the read model rows a staged change implies, from the states it ends with: a new team's
 * row, each changed project's row and its changed keys, and for a purged account the erasure of
 * its messages and of its history in the event store.
 */
export async function writeChangeRows(
  tx: SqlEventStoreTransaction,
  readModel: AccountsReadModel,
  schema: string,
  change: TeamChange,
): Promise<void> {
  const team = change.team;
  if (change.teamBefore.status === 'missing' && team.status === 'created') await readModel.teams.write(tx, team);
  for (const { accountId, before, after } of change.changedAccounts()) {
    if (after.status === 'missing') continue;
    await readModel.projects.write(tx, after);
    for (const key of changedKeys(before, after)) await readModel.apiKeys.write(tx, after.teamId, accountId, key);
    if (after.status === 'purged' && before.status !== 'purged') {
      await readModel.messages.erase(tx, accountId);
      await eraseAccountHistory(tx, schema, after.teamId, accountId);
    }
  }
}

/** Evolve replaces a key object whenever the key changes, so identity tells what to write. */
function changedKeys(before: AccountState, after: AccountState): ApiKey[] {
  if (!isLive(after)) return [];
  const previous = isLive(before) ? before.keys : new Map<string, ApiKey>();
  return [...after.keys.values()].filter((key) => previous.get(key.keyId) !== key);
}
