import type { LedgerCommand } from '@subledger/contracts';
import { evolve, initialState } from '@subledger/ledger-domain';
import { charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { NO_EVENTS, type TeamLedger } from '../team-state/team-ledger';
import { commandIdentityOf } from './command-identity';
import { mayHaveBeenProcessed } from './processed-before';

const v = 1 as const;
const team = (): TeamLedger => {
  const state = initialState();
  evolve(state, { type: 'TeamOpened', schemaVersion: v, teamId: 't', currency: 'usd', at: 0 });
  evolve(state, { type: 'TopUpRecorded', schemaVersion: v, topUpId: 'up', amount: 10n, at: 0 });
  evolve(state, { type: 'ChargeAccepted', schemaVersion: v, chargeId: 'paid', accountId: 'a', amount: 1n, at: 0 });
  evolve(state, { type: 'ChargeAccepted', schemaVersion: v, chargeId: 'back', accountId: 'a', amount: 1n, at: 0 });
  evolve(state, { type: 'ChargeRefunded', schemaVersion: v, chargeId: 'back', accountId: 'a', amount: 1n, reason: 'failed', at: 0 });
  return { teamId: 't', state, version: NO_EVENTS, refusedCommandIds: new Set(['refused-before']) };
};

const check = (command: LedgerCommand): boolean => {
  const identity = commandIdentityOf(command);
  return identity !== null && mayHaveBeenProcessed(command, identity.commandId, team());
};

describe('whether a command may have been processed before', () => {
  it.each([
    ['a charge the state holds', charge('t', 'a', 'paid', 1n)],
    ['a top-up the state holds', topUp('t', 'up', 10n)],
    ['opening an opened team', openTeam('t')],
    ['refunding a refunded charge', refund('t', 'back')],
    ['a command refused without an event', charge('t', 'a', 'refused-before', 1n)],
  ])('may have been: %s', (_case, command) => {
    expect(check(command)).toBe(true);
  });

  it.each([
    ['a new charge', charge('t', 'a', 'new', 1n)],
    ['a new top-up', topUp('t', 'up-2', 10n)],
    ['refunding a charge not refunded yet', refund('t', 'paid')],
    ['a spend policy, which has no id', setPolicy('t', 'a', 1n)],
  ])('was not: %s', (_case, command) => {
    expect(check(command)).toBe(false);
  });
});
