import type { KeyIdentity } from '@subledger/contracts';

/** The request property where the auth guard leaves who is calling, for rate limits and idempotency. */
export const CALLER_PROPERTY = 'subledgerCaller';

/** An authenticated caller: an API key (with the digest it presented) or the operator. */
export type Caller =
  { readonly kind: 'api-key'; readonly identity: KeyIdentity; readonly digest: string } | { readonly kind: 'admin' };

export type RequestWithCaller = { [CALLER_PROPERTY]?: Caller };

export function callerOf(request: RequestWithCaller): Caller | undefined {
  return request[CALLER_PROPERTY];
}
