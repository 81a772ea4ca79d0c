import type { LedgerCommand } from '@subledger/contracts';
import { decideAdjust } from './adjust-balance';
import { assertNever } from '@subledger/kernel';
import { decideChargeMessage } from './charge-message';
import type { LedgerDecision } from './ledger-outcome';
import type { LedgerView } from './ledger-state';
import { decideOpenTeam } from './open-team';
import { decideRefundCharge } from './refund-charge';
import { decideSetSpendPolicy } from './set-spend-policy';
import { decideTopUp } from './top-up';

/** Decides a command against the team's state without changing it. */
export function decide(command: LedgerCommand, state: LedgerView): LedgerDecision {
  switch (command.type) {
    case 'OpenTeam':
      return decideOpenTeam(command, state);
    case 'TopUp':
      return decideTopUp(command, state);
    case 'Adjust':
      return decideAdjust(command, state);
    case 'SetSpendPolicy':
      return decideSetSpendPolicy(command, state);
    case 'ChargeMessage':
      return decideChargeMessage(command, state);
    case 'RefundCharge':
      return decideRefundCharge(command, state);
    default:
      return assertNever(command, 'ledger command');
  }
}
