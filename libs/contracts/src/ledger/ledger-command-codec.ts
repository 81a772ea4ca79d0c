import { currency, epochMs as at, nonEmptyText as id, nullable, oneOf, optional, text } from '../codec/field-codecs';
import { signedMicros as amount } from '../codec/micros-codecs';
import { unionCodec } from '../codec/union-codec';
import type { LedgerCommand } from './ledger-command';
import { SPEND_STATUSES } from './ledger-event';

const teamId = id;

/**
 * The codec checks shape only. Whether an amount, a limit or a reason is acceptable is the
 * ledger's decision, answered with a named refusal rather than a dead letter. Fields the contract
 * does not know are dropped.
 */
export const ledgerCommandCodec = unionCodec<LedgerCommand>(
  {
    OpenTeam: { teamId, currency, at },
    TopUp: { teamId, topUpId: id, amount, reference: optional(text), at },
    Adjust: { teamId, adjustmentId: id, amount, reason: text, at },
    SetSpendPolicy: { teamId, accountId: id, creditLimit: nullable(amount), status: oneOf(...SPEND_STATUSES), at },
    ChargeMessage: { teamId, chargeId: id, accountId: id, amount, messageId: optional(id), at },
    RefundCharge: { teamId, chargeId: id, refundId: optional(id), reason: text, at },
  },
  'drop',
);
