import type { LedgerEntryView, LedgerEvent } from '@subledger/contracts';
import type { Micros } from '@subledger/money';

export interface EntryPosition {
  readonly position: bigint;
  readonly globalPosition: bigint;
  readonly balanceAfter: Micros;
}

type EntryFields = Pick<LedgerEntryView, 'accountId' | 'chargeId' | 'amount' | 'reason' | 'reference'>;

const NONE: EntryFields = { accountId: null, chargeId: null, amount: 0n, reason: null, reference: null };

/** An event as an operator reads it in the team's ledger: its signed effect and the balance after it. */
export function ledgerEntryOf(event: LedgerEvent, where: EntryPosition): LedgerEntryView {
  return {
    position: where.position.toString(),
    globalPosition: where.globalPosition.toString(),
    type: event.type,
    at: event.at,
    ...entryFieldsOf(event),
    balanceAfter: where.balanceAfter,
  };
}

function entryFieldsOf(event: LedgerEvent): EntryFields {
  switch (event.type) {
    case 'TeamOpened':
      return NONE;
    case 'TopUpRecorded':
      return { ...NONE, amount: event.amount, reference: event.reference ?? null };
    case 'BalanceAdjusted':
      return { ...NONE, amount: event.amount, reason: event.reason };
    case 'SpendPolicySet':
      return { ...NONE, accountId: event.accountId };
    case 'ChargeAccepted':
      return { ...NONE, accountId: event.accountId, chargeId: event.chargeId, amount: -event.amount };
    case 'ChargeRefused':
      return { ...NONE, accountId: event.accountId, chargeId: event.chargeId, reason: event.reason };
    case 'ChargeRefunded':
      return {
        ...NONE,
        accountId: event.accountId,
        chargeId: event.chargeId,
        amount: event.amount,
        reason: event.reason,
      };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown ledger event ${JSON.stringify(unknown)}`);
    }
  }
}
