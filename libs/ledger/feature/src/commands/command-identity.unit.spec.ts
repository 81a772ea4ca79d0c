import { charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { commandIdentityOf } from './command-identity';

describe('command identity', () => {
  it.each([
    ['OpenTeam', openTeam('t'), 'open:t'],
    ['TopUp', topUp('t', 'up-1', 5n), 'up-1'],
    [
      'Adjust',
      { type: 'Adjust', teamId: 't', adjustmentId: 'adj-1', amount: -5n, reason: 'fix', at: 0 } as const,
      'adj-1',
    ],
    ['ChargeMessage', charge('t', 'a', 'ch-1', 5n), 'ch-1'],
    ['RefundCharge', refund('t', 'ch-1'), 'refund:ch-1'],
  ])('keeps a %s under its own id, scoped to its team', (_type, command, commandId) => {
    expect(commandIdentityOf(command)).toEqual({
      teamId: 't',
      commandId,
      digest: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    });
  });

  it('gives a spend policy none: setting it again is harmless', () => {
    expect(commandIdentityOf(setPolicy('t', 'a', 5n))).toBeNull();
  });

  it('digests what a command asks, not when it was sent', () => {
    const first = charge('t', 'a', 'ch-1', 5n);
    expect(commandIdentityOf({ ...first, at: first.at + 60_000 })).toEqual(commandIdentityOf(first));
  });

  it('tells apart commands that reuse an id for something else', () => {
    const digest = (command: Parameters<typeof commandIdentityOf>[0]) => commandIdentityOf(command)?.digest;
    const original = digest(charge('t', 'a', 'x', 5n));
    expect(digest(charge('t', 'a', 'x', 6n))).not.toBe(original);
    expect(digest(charge('t', 'b', 'x', 5n))).not.toBe(original);
    expect(digest({ ...charge('t', 'a', 'x', 5n), messageId: 'm' })).not.toBe(original);
    expect(digest(topUp('t', 'x', 5n))).not.toBe(original);
  });
});
