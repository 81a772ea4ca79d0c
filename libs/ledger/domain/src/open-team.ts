import { LEDGER_EVENT_SCHEMA_VERSION } from '@subledger/contracts';
import type { OpenTeam, TeamOpened } from '@subledger/contracts';
import { answered, recorded, refused } from '@subledger/kernel';
import type { LedgerDecision } from './ledger-outcome';
import type { LedgerState, LedgerView } from './ledger-state';

const CURRENCY = /^[a-z]{3}$/;

export function decideOpenTeam(command: OpenTeam, state: LedgerView): LedgerDecision {
  const { teamId, currency } = command;
  if (!CURRENCY.test(currency)) return refused({ reason: 'invalid_currency', currency });
  if (state.team === null) {
    const event: TeamOpened = {
      type: 'TeamOpened',
      schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
      teamId,
      currency,
      at: command.at,
    };
    return recorded([event], { type: 'team_opened', teamId, currency, replayed: false });
  }
  if (state.team.teamId === teamId && state.team.currency === currency) {
    return answered({ type: 'team_opened', teamId, currency, replayed: true });
  }
  return refused({ reason: 'team_already_opened', teamId: state.team.teamId, currency: state.team.currency });
}

export function evolveTeamOpened(state: LedgerState, event: TeamOpened): LedgerState {
  state.team = { teamId: event.teamId, currency: event.currency };
  return state;
}
