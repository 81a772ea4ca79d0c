import { ledgerCommandCodec } from '@subledger/contracts';
import type { LedgerCommand, LedgerEvent } from '@subledger/contracts';

/**
 * The command whose decision recorded `event`, as the codec reads it (so that its digest compares
 * with the digest of a command read from the bus: same fields in the same order, absent optional
 * fields left out), or null for an event that answers no command id (a spend policy). The event
 * carries every field its command had.
 */
export function commandOfEvent(teamId: string, event: LedgerEvent): LedgerCommand | null {
  const command = rebuilt(teamId, event);
  if (command === null) return null;
  const read = ledgerCommandCodec.decode(ledgerCommandCodec.encode(command));
  if (!read.ok) throw new Error(`${event.type} of team ${teamId} does not make a command: ${read.error.message}`);
  return read.value;
}

function rebuilt(teamId: string, event: LedgerEvent): LedgerCommand | null {
  const { at } = event;
  switch (event.type) {
    case 'TeamOpened':
      return { type: 'OpenTeam', teamId: event.teamId, currency: event.currency, at };
    case 'TopUpRecorded':
      return { type: 'TopUp', teamId, topUpId: event.topUpId, amount: event.amount, reference: event.reference, at };
    case 'BalanceAdjusted':
      return {
        type: 'Adjust',
        teamId,
        adjustmentId: event.adjustmentId,
        amount: event.amount,
        reason: event.reason,
        at,
      };
    case 'ChargeAccepted':
    case 'ChargeRefused': {
      const { chargeId, accountId, amount } = event;
      return { type: 'ChargeMessage', teamId, chargeId, accountId, amount, messageId: event.messageId, at };
    }
    case 'ChargeRefunded':
      return {
        type: 'RefundCharge',
        teamId,
        chargeId: event.chargeId,
        refundId: event.refundId,
        reason: event.reason,
        at,
      };
    case 'SpendPolicySet':
      return null;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown ledger event ${JSON.stringify(unknown)}`);
    }
  }
}
