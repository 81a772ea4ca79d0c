import type { KeyIdentity } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import { messageIdFor } from '@subledger/gateway-feature';
import type { HttpResult } from './crash-http';
import type { SendingAccount } from './crash-teams';

/** How one attempt of a send ended, as the client saw it. */
export type SendOutcome =
  | { readonly type: 'accepted'; readonly messageId: string; readonly cost: Micros }
  | { readonly type: 'refused'; readonly code: string }
  | { readonly type: 'timed_out' }
  | { readonly type: 'network_error'; readonly error: string }
  | { readonly type: 'unexpected'; readonly status: number; readonly body: unknown };

export type DefinitiveOutcome = Extract<SendOutcome, { type: 'accepted' | 'refused' }>;

export interface SendBody {
  readonly to: string;
  readonly text: string;
}

/** One POST /v1/messages of the run with its own Idempotency-Key, and what became of it. */
export interface SendRecord {
  readonly seq: number;
  readonly account: SendingAccount;
  readonly idempotencyKey: string;
  readonly body: SendBody;
  /** The charge id the gateway derives from the key, the account and the body (= the message id). */
  readonly chargeId: string;
  /** The crash cycle during which the first attempt was sent (0: before the first kill). */
  readonly cycle: number;
  readonly startedAt: number;
  /** The gateway the first attempt went to. */
  readonly gatewayUrl?: string;
  /** When the first attempt was answered (or its connection failed). */
  endedAt?: number;
  first?: SendOutcome;
  /** The last answer once retries are over; the first one when it was already definitive. */
  final?: SendOutcome;
  attempts: number;
  /** When the first retry was sent (gateway and test share this machine's clock). */
  retriedAt?: number;
}

export function newSendRecord(fields: Omit<SendRecord, 'chargeId' | 'attempts' | 'startedAt'>): SendRecord {
  return {
    ...fields,
    chargeId: expectedChargeId(fields.account, fields.idempotencyKey, fields.body),
    attempts: 0,
    startedAt: Date.now(),
  };
}

export function outcomeOf(result: HttpResult): SendOutcome {
  if (result.type === 'network_error') return { type: 'network_error', error: result.error };
  if (result.status === 202) {
    const { message } = result.body as { message: { id: string; cost: number } };
    return { type: 'accepted', messageId: message.id, cost: usdToMicros(message.cost) };
  }
  if (result.status === 402 && result.code !== null) return { type: 'refused', code: result.code };
  if (result.status === 503 && result.code === 'upstream_timeout') return { type: 'timed_out' };
  return { type: 'unexpected', status: result.status, body: result.body };
}

export function isDefinitive(outcome: SendOutcome | undefined): outcome is DefinitiveOutcome {
  return outcome?.type === 'accepted' || outcome?.type === 'refused';
}

/** The gateway's own derivation, fed only what it reads of the key: the account and the key's environment. */
function expectedChargeId(account: SendingAccount, idempotencyKey: string, body: SendBody): string {
  const identity: KeyIdentity = {
    keyId: 'unused',
    accountId: account.accountId,
    teamId: account.teamId,
    accountKind: account.isSubAccount ? 'sub' : 'main',
    accountStatus: 'active',
    environment: 'live',
    revoked: false,
    digest: 'unused',
  };
  return messageIdFor(identity, idempotencyKey, body);
}

/** A message's `cost` (USD, docs/contract.md §1) in micros, read from its decimal digits rather than multiplied as a float. */
function usdToMicros(usd: number): Micros {
  const [units, fraction = ''] = String(usd).split('.');
  if (!/^\d+$/.test(units) || !/^\d{0,6}$/.test(fraction)) throw new Error(`not an amount of micros: ${usd}`);
  return BigInt(units) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}
