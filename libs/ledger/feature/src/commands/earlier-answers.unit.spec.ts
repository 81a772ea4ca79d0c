import {
  LEDGER_EVENT_SCHEMA_VERSION,
  type LedgerCommand,
  type LedgerEvent,
  type LedgerOutcome,
} from '@subledger/contracts';
import { teamEventId } from '../team-state/team-event-ids';
import { charge, openTeam, refund, topUp } from '../testing/ledger-commands.fixtures';
import { commandDigest, commandKey } from './command-identity';
import type { CommandHistory } from './command-history';
import { BatchAnswers, storedAnswer } from './earlier-answers';
import { readLedgerCommand } from './ledger-command.reader';
import { commandOfEvent } from './recorded-command';

const v = LEDGER_EVENT_SCHEMA_VERSION;
const accepted: LedgerEvent = {
  type: 'ChargeAccepted',
  schemaVersion: v,
  chargeId: 'c',
  accountId: 'a',
  amount: 5n,
  messageId: 'm',
  at: 1,
};
const refunded: LedgerEvent = {
  type: 'ChargeRefunded',
  schemaVersion: v,
  chargeId: 'c',
  accountId: 'a',
  amount: 5n,
  refundId: 'r',
  reason: 'failed',
  at: 2,
};
const toppedUp: LedgerEvent = { type: 'TopUpRecorded', schemaVersion: v, topUpId: 'u', amount: 9n, at: 3 };
const opened: LedgerEvent = { type: 'TeamOpened', schemaVersion: v, teamId: 't', currency: 'usd', at: 0 };

/** A command as the writer reads it from the bus. */
function read(command: LedgerCommand): LedgerCommand {
  const result = readLedgerCommand({
    topic: 'ledger.commands',
    partition: 0,
    offset: 0,
    key: command.teamId,
    value: command,
    headers: {},
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.command;
}

const history = (events: LedgerEvent[], stored: [string, string, LedgerOutcome][] = []): CommandHistory => ({
  events: new Map(
    events.map((event, i) => [
      teamEventId('team-t', event, BigInt(i)),
      { streamId: 'team-t', version: BigInt(i), event, after: { balance: 95n, totalSpent: 5n } },
    ]),
  ),
  stored: new Map(stored.map(([commandId, digest, outcome]) => [commandKey('t', commandId), [{ digest, outcome }]])),
});

describe('the answer a command got before', () => {
  it('rebuilds from an event the command that recorded it, with the same digest as that command read from the bus', () => {
    const cases: [LedgerEvent, LedgerCommand][] = [
      [accepted, { ...charge('t', 'a', 'c', 5n), messageId: 'm' }],
      [refunded, { ...refund('t', 'c', 'failed'), refundId: 'r' }],
      [toppedUp, topUp('t', 'u', 9n)],
      [opened, openTeam('t')],
    ];
    for (const [event, command] of cases)
      expect(commandDigest(commandOfEvent('t', event) as LedgerCommand)).toBe(commandDigest(read(command)));
  });

  it('answers the same command with the outcome rebuilt from its event, and another one under its id with nothing', () => {
    const found = history([accepted]);
    expect(storedAnswer(read({ ...charge('t', 'a', 'c', 5n), messageId: 'm' }), 'c', found)).toEqual({
      type: 'charge_accepted',
      chargeId: 'c',
      accountId: 'a',
      amount: 5n,
      balance: 95n,
      totalSpent: 5n,
      replayed: false,
    });
    expect(storedAnswer(read(charge('t', 'a', 'c', 5n)), 'c', found)).toBeUndefined();
  });

  it('answers with the outcome stored for a command that recorded no event, before looking at events', () => {
    const command = read(charge('t', 'a', 'c', 6n));
    const refused: LedgerOutcome = { type: 'refused', refusal: { reason: 'team_not_found', teamId: 't' } };
    expect(storedAnswer(command, 'c', history([accepted], [['c', commandDigest(command), refused]]))).toEqual(refused);
    expect(storedAnswer(command, 'c', history([], [['c', 'another digest', refused]]))).toBeUndefined();
  });

  it('answers a command repeated in the batch as it was answered, and not another one under its id', () => {
    const answers = new BatchAnswers();
    const outcome: LedgerOutcome = { type: 'top_up_recorded', topUpId: 'u', amount: 9n, balance: 9n, replayed: false };
    answers.add(topUp('t', 'u', 9n), 'u', outcome);
    expect(answers.answerFor({ ...topUp('t', 'u', 9n), at: 99 }, 'u')).toBe(outcome);
    expect(answers.answerFor(topUp('t', 'u', 8n), 'u')).toBeUndefined();
    expect(answers.answerFor(topUp('t', 'w', 9n), 'w')).toBeUndefined();
  });
});
