import type { KeyIdentity } from '@subledger/contracts';
import { derivedId, newId } from '../../clients/ids';

/**
 * The id of a new message, which is also the id of its charge. With an idempotency key it is
 * derived from the key, the account and the key's environment (live and test sends never share
 * one), so a retry names the same charge and the ledger can never apply it twice.
 */
export function messageIdFor(identity: KeyIdentity, idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined || idempotencyKey === '') return newId('msg');
  return derivedId('msg', `${identity.accountId}/${identity.environment}`, idempotencyKey);
}
