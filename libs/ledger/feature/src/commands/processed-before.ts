import type { LedgerCommand } from '@subledger/contracts';
import type { TeamLedger } from '../team-state/team-ledger';

/**
 * Whether an earlier delivery may have processed this command, so that its stored outcome must be
 * looked up. Outcomes are committed with the events they decided, so a command that appended an
 * event is known to the team's state; one that appended nothing was either a retry (known to the
 * state too) or refused, and refused ids are kept with the team. A command unknown to both was
 * never processed: fresh commands, nearly all of them, then cost no lookup at all.
 */
export function mayHaveBeenProcessed(command: LedgerCommand, commandId: string, team: TeamLedger): boolean {
  if (team.refusedCommandIds.has(commandId)) return true;
  const { state } = team;
  switch (command.type) {
    case 'OpenTeam':
      return state.team !== null;
    case 'TopUp':
      return state.topUps.has(command.topUpId);
    case 'Adjust':
      return state.adjustments.has(command.adjustmentId);
    case 'ChargeMessage':
      return state.charges.has(command.chargeId);
    case 'RefundCharge':
      return state.charges.get(command.chargeId)?.standing === 'refunded';
    case 'SetSpendPolicy':
      return false;
    default: {
      const unknown: never = command;
      throw new Error(`Unknown ledger command ${JSON.stringify(unknown)}`);
    }
  }
}
