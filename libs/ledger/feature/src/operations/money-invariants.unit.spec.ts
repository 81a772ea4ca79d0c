import { ledgerEventCodec, LEDGER_EVENT_SCHEMA_VERSION as v, type LedgerEvent } from '@subledger/contracts';
import type { JsonObject, RecordedEvent } from '@subledger/event-store';
import { type MoneyMismatch, MoneyReplay } from './money-invariants';

interface Stored {
  event: LedgerEvent;
  balanceAfter: bigint;
  totalSpentAfter?: bigint;
  version?: bigint;
}

/** Replays one team's events, each with the numbers stored beside it; answers the mismatches and the replay. */
function replayed(events: readonly Stored[]): { mismatches: Omit<MoneyMismatch, 'teamId'>[]; replay: MoneyReplay } {
  const replay = new MoneyReplay();
  const mismatches: Omit<MoneyMismatch, 'teamId'>[] = [];
  events.forEach(({ event, balanceAfter, totalSpentAfter, version }, i) => {
    const metadata: JsonObject = {
      balanceAfter: balanceAfter.toString(),
      ...(totalSpentAfter === undefined ? {} : { totalSpentAfter: totalSpentAfter.toString() }),
    };
    const recorded: RecordedEvent = {
      id: `e${i}`,
      streamId: 'team-t',
      type: event.type,
      data: ledgerEventCodec.encode(event) as JsonObject,
      metadata,
      streamVersion: version ?? BigInt(i),
      globalPosition: BigInt(i + 1),
      recordedAt: new Date(0),
    };
    replay.apply({ teamId: 't', recorded, event }, ({ teamId: _team, ...mismatch }) => mismatches.push(mismatch));
  });
  return { mismatches, replay };
}

const opened: Stored = {
  event: { type: 'TeamOpened', schemaVersion: v, teamId: 't', currency: 'usd', at: 0 },
  balanceAfter: 0n,
};
const topUp = (amount: bigint, balanceAfter: bigint): Stored => ({
  event: { type: 'TopUpRecorded', schemaVersion: v, topUpId: `u${amount}`, amount, at: 0 },
  balanceAfter,
});
const adjust = (amount: bigint, balanceAfter: bigint): Stored => ({
  event: { type: 'BalanceAdjusted', schemaVersion: v, adjustmentId: `a${amount}`, amount, reason: 'fix', at: 0 },
  balanceAfter,
});
const limit = (creditLimit: bigint | null, balanceAfter: bigint, totalSpentAfter: bigint): Stored => ({
  event: { type: 'SpendPolicySet', schemaVersion: v, accountId: 'a', creditLimit, status: 'active', at: 0 },
  balanceAfter,
  totalSpentAfter,
});
const accepted = (chargeId: string, amount: bigint, balanceAfter: bigint, totalSpentAfter: bigint): Stored => ({
  event: { type: 'ChargeAccepted', schemaVersion: v, chargeId, accountId: 'a', amount, at: 0 },
  balanceAfter,
  totalSpentAfter,
});
const refunded = (chargeId: string, amount: bigint, balanceAfter: bigint, totalSpentAfter: bigint): Stored => ({
  event: { type: 'ChargeRefunded', schemaVersion: v, chargeId, accountId: 'a', amount, reason: 'failed', at: 0 },
  balanceAfter,
  totalSpentAfter,
});
const refused: Stored = {
  event: {
    type: 'ChargeRefused',
    schemaVersion: v,
    chargeId: 'r',
    accountId: 'a',
    amount: 9n,
    reason: 'credit_limit_exceeded',
    creditLimit: 10n,
    totalSpent: 10n,
    balance: 85n,
    at: 0,
  },
  balanceAfter: 85n,
};

describe('replaying the money invariants (docs/contract.md §8.3)', () => {
  it('computes balance = top-ups + adjustments - charges + refunds and totalSpent = charges - refunds, finding nothing in a sound stream', () => {
    const { mismatches, replay } = replayed([
      opened,
      topUp(100n, 100n),
      adjust(-5n, 95n),
      limit(10n, 95n, 0n),
      accepted('c1', 7n, 88n, 7n),
      refunded('c1', 7n, 95n, 0n),
      accepted('c2', 10n, 85n, 10n),
      refused,
    ]);
    expect(mismatches).toEqual([]);
    expect(replay.teams.get('t')).toEqual({
      version: 7n,
      currency: 'usd',
      balance: 85n,
      accounts: new Map([['a', { totalSpent: 10n, creditLimit: 10n, status: 'active' }]]),
    });
  });

  it('finds a charge past the credit limit, one below a zero balance, and each stored number that differs', () => {
    const { mismatches } = replayed([
      opened,
      topUp(10n, 10n),
      limit(5n, 10n, 0n),
      accepted('c1', 6n, 4n, 6n),
      accepted('c2', 6n, 0n, 12n),
    ]);
    expect(mismatches).toEqual([
      { accountId: 'a', check: 'credit limit', detail: 'charge c1 took totalSpent to 6, past the limit 5' },
      { accountId: 'a', check: 'credit limit', detail: 'charge c2 took totalSpent to 12, past the limit 5' },
      { accountId: 'a', check: 'balance', detail: 'charge c2 took the balance to -2' },
      { check: 'balanceAfter', detail: 'event 4 (ChargeAccepted) stores 0, the replay gives -2' },
    ]);
  });

  it('finds a gap in the stream', () => {
    const { mismatches } = replayed([opened, { ...topUp(1n, 1n), version: 2n }]);
    expect(mismatches).toEqual([{ check: 'stream', detail: 'version 2 follows 0' }]);
  });

  it('lets a limit lowered below the spend stand (a policy, not a charge), and checks only the charges after it', () => {
    const { mismatches } = replayed([
      opened,
      topUp(100n, 100n),
      accepted('c1', 8n, 92n, 8n),
      limit(5n, 92n, 8n),
      refunded('c1', 8n, 100n, 0n),
    ]);
    expect(mismatches).toEqual([]);
  });
});
