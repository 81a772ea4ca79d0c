import type { AccountState, ProjectDecision } from '@subledger/accounts-domain';

/**
 * The API's `keysRevoked` of a deactivation. When the decision changed nothing, the command may be
 * a redelivery of one that did: the keys it revoked carry its own `at` as their `revokedAt`, so
 * they are counted again, while a later deactivation of the same account (another `at`) counts 0.
 */
export function keysRevokedBy(decision: ProjectDecision, account: AccountState, at: number): number {
  if (decision.outcome.type === 'accepted') {
    return decision.accountEvents.reduce(
      (count, event) => count + (event.type === 'AccountDeactivated' ? event.revokedKeyIds.length : 0),
      0,
    );
  }
  if (account.status === 'missing' || account.status === 'purged') return 0;
  return [...account.keys.values()].filter((key) => key.revokedAt === at).length;
}
