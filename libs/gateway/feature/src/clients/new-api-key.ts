import type { AccountKind, ApiKeyEnvironment, NewApiKey } from '@subledger/contracts';
import { generateApiKey } from '../keys';
import { newId } from '../ids/ids';

export interface KeyToCreate {
  readonly name: string;
  readonly environment: ApiKeyEnvironment;
  readonly permissions?: readonly string[];
}

/**
 * A key made here: the full key goes back to the client once, the accounts service gets only its
 * id, prefix and digest.
 */
export function newApiKey(kind: AccountKind, request: KeyToCreate): { key: string; newKey: NewApiKey } {
  const generated = generateApiKey(request.environment, kind);
  const newKey: NewApiKey = {
    keyId: newId('key'),
    name: request.name,
    environment: request.environment,
    permissions: [...(request.permissions ?? [])],
    prefix: generated.prefix,
    digest: generated.digest,
  };
  return { key: generated.key, newKey };
}
