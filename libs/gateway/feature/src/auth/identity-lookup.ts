import { Inject, Injectable } from '@nestjs/common';
import { type AccountsReply, type AccountsQueryRequest, type KeyIdentity, Topics } from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { MESSAGE_BUS } from '@subledger/platform';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared/gateway-options';
import { constantTimeEqual } from './constant-time';

/** An identity as a reply may carry it: with the stored digest when the accounts service sends it. */
type IdentityWithDigest = KeyIdentity & { readonly digest?: unknown };

/** Resolves a key digest to the identity of its key through the accounts service. */
@Injectable()
export class IdentityLookup {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  /** The key's identity, or null when no key has this digest. A timeout rejects (503 upstream_timeout). */
  async find(digest: string): Promise<KeyIdentity | null> {
    const query: AccountsQueryRequest = { type: 'AuthenticateKey', digest };
    const reply = await this.bus.request<AccountsReply<'AuthenticateKey'>>(Topics.accountsQueries, digest, query, {
      timeoutMs: this.options.requestTimeoutMs,
    });
    if (!reply.ok) throw new Error(`accounts refused AuthenticateKey: ${reply.refusal.type}`);
    const identity = reply.value.identity as IdentityWithDigest | null;
    return identity && storedDigestMatches(identity, digest) ? identity : null;
  }
}

/**
 * The lookup is by digest, so the stored digest equals the presented one unless the index or the
 * reply is wrong; the check runs anyway, in constant time, as the last word on a credential. It
 * applies when the reply carries the stored digest (`KeyIdentity` does not declare it yet).
 */
function storedDigestMatches(identity: IdentityWithDigest, presented: string): boolean {
  return typeof identity.digest !== 'string' || constantTimeEqual(presented, identity.digest);
}
