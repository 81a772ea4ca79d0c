import type { LedgerEvent } from '@subledger/contracts';
import { evolveBalanceAdjusted } from './adjust-balance';
import { assertNever } from '@subledger/kernel';
import { evolveChargeAccepted, evolveChargeRefused } from './charge-message';
import type { LedgerState } from './ledger-state';
import { evolveTeamOpened } from './open-team';
import { evolveChargeRefunded } from './refund-charge';
import { evolveSpendPolicySet } from './set-spend-policy';
import { evolveTopUpRecorded } from './top-up';

/**
 * Applies one event IN PLACE and returns the same state object: the ledger's decider is a
 * `MutatingDecider` (libs/kernel/src/decider.ts says why). Whoever needs the state as it was takes
 * a `cloneLedgerState` snapshot first.
 */
export function evolve(state: LedgerState, event: LedgerEvent): LedgerState {
  switch (event.type) {
    case 'TeamOpened':
      return evolveTeamOpened(state, event);
    case 'TopUpRecorded':
      return evolveTopUpRecorded(state, event);
    case 'BalanceAdjusted':
      return evolveBalanceAdjusted(state, event);
    case 'SpendPolicySet':
      return evolveSpendPolicySet(state, event);
    case 'ChargeAccepted':
      return evolveChargeAccepted(state, event);
    case 'ChargeRefused':
      return evolveChargeRefused(state, event);
    case 'ChargeRefunded':
      return evolveChargeRefunded(state, event);
    default:
      return assertNever(event, 'ledger event');
  }
}
