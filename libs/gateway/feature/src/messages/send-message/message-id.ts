import type { KeyIdentity } from '@subledger/contracts';
import { derivedId, newId } from '../../ids/ids';
import { canonicalJson } from '../../idempotency/request-fingerprint';

/**
 * The id of a new message, which is also the id of its charge. With an idempotency key it is
 * derived from the key, the request, the account and the key's environment (live and test sends
 * never share one), so a retry names the same charge and the ledger can never apply it twice,
 * even once the idempotency record is gone. The request is part of it because past that record's
 * retention the key may name a new message: without it, a new text under an old key was answered
 * 202 with the old message, and never sent.
 */
export function messageIdFor(identity: KeyIdentity, idempotencyKey: string | undefined, request: unknown): string {
  if (idempotencyKey === undefined || idempotencyKey === '') return newId('msg');
  return derivedId(
    'msg',
    `${identity.accountId}/${identity.environment}`,
    `${idempotencyKey}\u0000${canonicalJson(request)}`,
  );
}
