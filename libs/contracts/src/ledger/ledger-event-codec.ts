import { currency, epochMs, nonEmptyText, nullable, oneOf, optional, schemaVersion, text } from '../codec/field-codecs';
import { nonNegativeMicros, nonZeroMicros, positiveMicros } from '../codec/micros-codecs';
import { unionCodec } from '../codec/union-codec';
import { CHARGE_REFUSAL_REASONS, LEDGER_EVENT_SCHEMA_VERSION, SPEND_STATUSES } from './ledger-event';
import type { LedgerEvent } from './ledger-event';

const version = schemaVersion(LEDGER_EVENT_SCHEMA_VERSION);
const id = nonEmptyText;
const at = epochMs;

/**
 * Events are facts: they are read back as strictly as decide wrote them. Fields the contract does
 * not know are dropped rather than refused, as consumers of `ledger.events` are told to do.
 */
export const ledgerEventCodec = unionCodec<LedgerEvent>(
  {
    TeamOpened: { schemaVersion: version, teamId: id, currency, at },
    TopUpRecorded: { schemaVersion: version, topUpId: id, amount: positiveMicros, reference: optional(text), at },
    BalanceAdjusted: { schemaVersion: version, adjustmentId: id, amount: nonZeroMicros, reason: nonEmptyText, at },
    SpendPolicySet: {
      schemaVersion: version,
      accountId: id,
      creditLimit: nullable(nonNegativeMicros),
      status: oneOf(...SPEND_STATUSES),
      at,
    },
    ChargeAccepted: {
      schemaVersion: version,
      chargeId: id,
      accountId: id,
      amount: positiveMicros,
      messageId: optional(id),
      at,
    },
    ChargeRefused: {
      schemaVersion: version,
      chargeId: id,
      accountId: id,
      amount: positiveMicros,
      messageId: optional(id),
      reason: oneOf(...CHARGE_REFUSAL_REASONS),
      creditLimit: nullable(nonNegativeMicros),
      totalSpent: nonNegativeMicros,
      balance: nonNegativeMicros,
      at,
    },
    ChargeRefunded: {
      schemaVersion: version,
      chargeId: id,
      accountId: id,
      amount: positiveMicros,
      refundId: optional(id),
      reason: nonEmptyText,
      at,
    },
  },
  'drop',
);
