import { Topics } from '@subledger/contracts';
import type { Envelope } from '@subledger/messaging';
import { charge } from '../testing/ledger-commands.fixtures';
import { readLedgerCommand } from './ledger-command.reader';

const envelope = (key: string, value: unknown): Envelope<unknown> => ({
  topic: Topics.ledgerCommands,
  partition: 0,
  offset: 0,
  key,
  value,
  headers: {},
});

describe('reading a consumed command', () => {
  const command = charge('t', 'a', 'c', 1_500n);

  it('reads the command itself, as the in-process bus carries it', () => {
    expect(readLedgerCommand(envelope('t', command))).toEqual({ ok: true, value: { command } });
  });

  it('keeps the id of the HTTP request the command was sent for', () => {
    const sent = { ...envelope('t', command), headers: { 'request-id': 'order-42' } };
    expect(readLedgerCommand(sent)).toStrictEqual({ ok: true, value: { command, requestId: 'order-42' } });
    expect(readLedgerCommand(envelope('t', command))).toStrictEqual({ ok: true, value: { command } });
  });

  it('reads its JSON form, amounts as decimal strings, as Kafka will carry it', () => {
    const json: unknown = JSON.parse(JSON.stringify({ ...command, amount: '1500' }));
    expect(readLedgerCommand(envelope('t', json))).toEqual({ ok: true, value: { command } });
  });

  it.each([
    ['not an object', 'charge please', null],
    ['an unknown type', { ...command, type: 'Steal' }, 'type'],
    ['an amount as a JSON number', { ...command, amount: 1500 }, 'amount'],
    ['a missing charge id', { ...command, chargeId: undefined }, 'chargeId'],
  ])('refuses %s, naming the field', (_case, value, field) => {
    expect(readLedgerCommand(envelope('t', value))).toEqual({
      ok: false,
      error: { type: 'invalid_command', field, message: expect.any(String) },
    });
  });

  it('refuses a command keyed by another team, which would escape its team single writer', () => {
    expect(readLedgerCommand(envelope('other', command))).toEqual({
      ok: false,
      error: { type: 'invalid_command', field: 'teamId', message: expect.stringContaining('keyed by its team id') },
    });
  });
});
