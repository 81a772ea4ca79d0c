import type { LedgerCommand, LedgerEvent } from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';
import { chargeRecordOf } from './charge-message';
import type { LedgerState, LedgerView } from './ledger-state';

/** The record a command's decision reads, if any: decide takes its absence for "never recorded". */
export type RecordRef =
  | { readonly kind: 'charge'; readonly id: string }
  | { readonly kind: 'topUp'; readonly id: string }
  | { readonly kind: 'adjustment'; readonly id: string };

export function recordNamedBy(command: LedgerCommand): RecordRef | null {
  switch (command.type) {
    case 'ChargeMessage':
    case 'RefundCharge':
      return { kind: 'charge', id: command.chargeId };
    case 'TopUp':
      return { kind: 'topUp', id: command.topUpId };
    case 'Adjust':
      return { kind: 'adjustment', id: command.adjustmentId };
    case 'OpenTeam':
    case 'SetSpendPolicy':
      return null;
    default:
      return assertNever(command, 'ledger command');
  }
}

export function holdsRecord(state: LedgerView, ref: RecordRef): boolean {
  switch (ref.kind) {
    case 'charge':
      return state.charges.has(ref.id);
    case 'topUp':
      return state.topUps.has(ref.id);
    case 'adjustment':
      return state.adjustments.has(ref.id);
    default:
      return assertNever(ref, 'record reference');
  }
}

/**
 * Puts back the records of events read from the team's stream, in stream order (a charge before its
 * refund), without touching the balance or the spend, which already count them. For events looked
 * up by the writer because a command names them.
 */
export function recallRecords(state: LedgerState, events: readonly LedgerEvent[]): LedgerState {
  for (const event of events) {
    switch (event.type) {
      case 'ChargeAccepted':
      case 'ChargeRefused':
        state.charges.set(
          event.chargeId,
          chargeRecordOf(event, event.type === 'ChargeAccepted' ? 'accepted' : event.reason),
        );
        break;
      case 'ChargeRefunded': {
        const charge = state.charges.get(event.chargeId);
        if (charge !== undefined) state.charges.set(event.chargeId, { ...charge, standing: 'refunded' });
        break;
      }
      case 'TopUpRecorded':
        state.topUps.set(event.topUpId, { amount: event.amount, reference: event.reference });
        break;
      case 'BalanceAdjusted':
        state.adjustments.set(event.adjustmentId, { amount: event.amount, reason: event.reason });
        break;
      case 'TeamOpened':
      case 'SpendPolicySet':
        break;
      default:
        assertNever(event, 'ledger event');
    }
  }
  return state;
}

/** How many records of each kind a state keeps once `forgetOldRecords` has run. */
export interface RecordLimits {
  readonly charges: number;
  readonly topUps: number;
  readonly adjustments: number;
}

/**
 * Keeps the most recent records of each kind, up to the limits, so that a state's size no longer
 * grows with its team's history. Run between batches: inside one, decide must still see every
 * record the batch itself made.
 */
export function forgetOldRecords(state: LedgerState, limits: RecordLimits): LedgerState {
  keepNewest(state.charges, limits.charges);
  keepNewest(state.topUps, limits.topUps);
  keepNewest(state.adjustments, limits.adjustments);
  return state;
}

function keepNewest<R>(records: Map<string, R>, limit: number): void {
  let excess = records.size - limit;
  if (excess <= 0) return;
  if (excess <= limit) {
    // A few over, as a quiet team is after a batch: deleting the oldest keeps the map's table as it
    // is, where a rebuild would shrink it only for the next records to grow it again.
    for (const id of records.keys()) {
      records.delete(id);
      if (--excess === 0) return;
    }
  }
  // Far over, as a busy team is after a batch: deleting entries one by one would leave the map's
  // table at the large capacity it grew to (V8 shrinks it only partly); clearing it gives a fresh
  // small table, into which the newest go back in order.
  const ids: string[] = [];
  const kept: R[] = [];
  records.forEach((record, id) => {
    if (excess > 0) excess -= 1;
    else {
      ids.push(id);
      kept.push(record);
    }
  });
  records.clear();
  for (let i = 0; i < ids.length; i++) records.set(ids[i], kept[i]);
}
