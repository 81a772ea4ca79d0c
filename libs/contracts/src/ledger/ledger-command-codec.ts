import { andThen, type Result } from '@subledger/kernel';
import type { LedgerCommand } from './ledger-command';
import type { LedgerDecodeError } from './ledger-decode-error';
import type { LedgerFieldKindsByType } from './ledger-field-reader';
import { toLedgerJson } from './ledger-json';
import type { LedgerJson } from './ledger-json';
import { decodeTaggedPayload, parseLedgerJsonText } from './ledger-payload-decoder';

export type LedgerCommandJson = LedgerJson<LedgerCommand>;

// The codec checks shape only. Whether an amount, a limit or a reason is acceptable is the
// ledger's decision, answered with a named refusal rather than a dead letter.
const COMMAND_FIELDS: LedgerFieldKindsByType<LedgerCommand> = {
  OpenTeam: { teamId: 'id', currency: 'currency', at: 'time' },
  TopUp: { teamId: 'id', topUpId: 'id', amount: 'micros', reference: 'optionalText', at: 'time' },
  Adjust: { teamId: 'id', adjustmentId: 'id', amount: 'micros', reason: 'text', at: 'time' },
  SetSpendPolicy: { teamId: 'id', accountId: 'id', creditLimit: 'microsOrNull', status: 'spendStatus', at: 'time' },
  ChargeMessage: {
    teamId: 'id',
    chargeId: 'id',
    accountId: 'id',
    amount: 'micros',
    messageId: 'optionalId',
    at: 'time',
  },
  RefundCharge: { teamId: 'id', chargeId: 'id', refundId: 'optionalId', reason: 'text', at: 'time' },
};

export function encodeLedgerCommand(command: LedgerCommand): LedgerCommandJson {
  return toLedgerJson(command);
}

/** Reads a consumed command; a payload that is not a valid command is an error value. */
export function decodeLedgerCommand(json: unknown): Result<LedgerCommand, LedgerDecodeError> {
  return decodeTaggedPayload<LedgerCommand>(json, COMMAND_FIELDS);
}

export function serializeLedgerCommand(command: LedgerCommand): string {
  return JSON.stringify(encodeLedgerCommand(command));
}

export function parseLedgerCommand(text: string): Result<LedgerCommand, LedgerDecodeError> {
  return andThen(parseLedgerJsonText(text), decodeLedgerCommand);
}
