import { Inject, Injectable } from '@nestjs/common';
import { type AccountsReply, type AccountsQueryRequest, type KeyIdentity, Topics } from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { MESSAGE_BUS } from '@subledger/platform';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared/gateway-options';
import { requestIdHeaders } from '../clients/request-id-headers';
import { constantTimeEqual } from './constant-time';

/** Resolves a key digest to the identity of its key through the accounts service. */
@Injectable()
export class IdentityLookup {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  /**
   * The key's identity, or null when no key has this digest. A timeout rejects (503 upstream_timeout).
   * The lookup is by digest, so the stored digest equals the presented one unless the index or the
   * reply is wrong; the comparison runs anyway, in constant time, as the last word on a credential.
   */
  async find(digest: string): Promise<KeyIdentity | null> {
    const query: AccountsQueryRequest = { type: 'AuthenticateKey', digest };
    const reply = await this.bus.request<AccountsReply<'AuthenticateKey'>>(Topics.accountsQueries, digest, query, {
      timeoutMs: this.options.requestTimeoutMs,
      headers: requestIdHeaders(),
    });
    if (!reply.ok) throw new Error(`accounts refused AuthenticateKey: ${reply.refusal.type}`);
    const identity = reply.value.identity;
    return identity && constantTimeEqual(digest, identity.digest) ? identity : null;
  }
}
