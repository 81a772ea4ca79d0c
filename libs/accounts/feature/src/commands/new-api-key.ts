import type { AccountState } from '@subledger/accounts-domain';
import type { CreateApiKey, EpochMs, NewApiKey } from '@subledger/contracts';

/** The account command for a key the gateway generated. */
export function createApiKeyCommand(accountId: string, key: NewApiKey, at: EpochMs): CreateApiKey {
  const { keyId, name, environment, permissions, prefix, digest } = key;
  return { type: 'CreateApiKey', accountId, keyId, name, environment, permissions, prefix, digest, at };
}

/** A redelivered creation: the team's account already holds this very key (same id, same digest). */
export function holdsKey(account: AccountState, teamId: string, key: NewApiKey): boolean {
  if (account.status === 'missing' || account.status === 'purged' || account.teamId !== teamId) return false;
  return account.keys.get(key.keyId)?.digest === key.digest;
}
