import { andThen, type Result } from '@subledger/kernel';
import { LEDGER_EVENT_SCHEMA_VERSION } from './ledger-event';
import type { LedgerEvent } from './ledger-event';
import type { LedgerDecodeError } from './ledger-decode-error';
import type { LedgerFieldKindsByType } from './ledger-field-reader';
import { toLedgerJson } from './ledger-json';
import type { LedgerJson } from './ledger-json';
import { decodeTaggedPayload, parseLedgerJsonText } from './ledger-payload-decoder';

export type LedgerEventJson = LedgerJson<LedgerEvent>;

// Events are facts: they are read back as strictly as decide wrote them.
const EVENT_FIELDS: LedgerFieldKindsByType<LedgerEvent> = {
  TeamOpened: { teamId: 'id', currency: 'currency', at: 'time' },
  TopUpRecorded: { topUpId: 'id', amount: 'positiveMicros', reference: 'optionalText', at: 'time' },
  BalanceAdjusted: { adjustmentId: 'id', amount: 'nonZeroMicros', reason: 'nonEmptyText', at: 'time' },
  SpendPolicySet: { accountId: 'id', creditLimit: 'nonNegativeMicrosOrNull', status: 'spendStatus', at: 'time' },
  ChargeAccepted: { chargeId: 'id', accountId: 'id', amount: 'positiveMicros', messageId: 'optionalId', at: 'time' },
  ChargeRefused: {
    chargeId: 'id',
    accountId: 'id',
    amount: 'positiveMicros',
    messageId: 'optionalId',
    reason: 'chargeRefusalReason',
    creditLimit: 'nonNegativeMicrosOrNull',
    totalSpent: 'nonNegativeMicros',
    balance: 'nonNegativeMicros',
    at: 'time',
  },
  ChargeRefunded: {
    chargeId: 'id',
    accountId: 'id',
    amount: 'positiveMicros',
    refundId: 'optionalId',
    reason: 'nonEmptyText',
    at: 'time',
  },
};

export function encodeLedgerEvent(event: LedgerEvent): LedgerEventJson {
  return toLedgerJson(event);
}

/** Reads a stored or consumed event; a payload that is not a valid event is an error value. */
export function decodeLedgerEvent(json: unknown): Result<LedgerEvent, LedgerDecodeError> {
  return decodeTaggedPayload<LedgerEvent>(json, EVENT_FIELDS, LEDGER_EVENT_SCHEMA_VERSION);
}

export function serializeLedgerEvent(event: LedgerEvent): string {
  return JSON.stringify(encodeLedgerEvent(event));
}

export function parseLedgerEvent(text: string): Result<LedgerEvent, LedgerDecodeError> {
  return andThen(parseLedgerJsonText(text), decodeLedgerEvent);
}
