import fc from 'fast-check';
import { ledgerEventCodec } from '@subledger/contracts';
import type { LedgerEvent } from '@subledger/contracts';
import type { Micros } from '@subledger/money';
import { decide } from './decide';
import { accountSpendOf } from './ledger-state';
import type { LedgerView } from './ledger-state';
import { replay } from './replay';
import { ledgerRun } from './testing/ledger-arbitraries';
import { runLedgerSteps } from './testing/ledger-run';

const runs = { numRuns: 300 };

/** Balance and per-account spend computed from the recorded events alone. */
function sums(events: readonly LedgerEvent[]): { balance: Micros; spent: Map<string, Micros> } {
  let balance = 0n;
  const spent = new Map<string, Micros>();
  const addSpend = (accountId: string, amount: Micros) => spent.set(accountId, (spent.get(accountId) ?? 0n) + amount);
  for (const event of events) {
    if (event.type === 'TopUpRecorded' || event.type === 'BalanceAdjusted') balance += event.amount;
    if (event.type === 'ChargeAccepted') {
      balance -= event.amount;
      addSpend(event.accountId, event.amount);
    }
    if (event.type === 'ChargeRefunded') {
      balance += event.amount;
      addSpend(event.accountId, -event.amount);
    }
  }
  return { balance, spent };
}

/** Every field of the state, maps in their order, as text: cheap to compare after each step. */
function fingerprint(state: LedgerView): string {
  return JSON.stringify(state, (_key, value: unknown) => {
    if (value instanceof Map) return [...value.entries()];
    return typeof value === 'bigint' ? `${value}n` : value;
  });
}

function negatives(state: LedgerView): string[] {
  const found = state.balance < 0n ? [`balance ${state.balance}`] : [];
  for (const [accountId, { totalSpent }] of state.accounts) {
    if (totalSpent < 0n) found.push(`${accountId} spent ${totalSpent}`);
  }
  return found;
}

describe('ledger invariants over random command sequences', () => {
  it('never accepts a charge that takes a capped account past its limit or the balance below zero', () => {
    fc.assert(
      fc.property(ledgerRun, (steps) => {
        const violations: string[] = [];
        runLedgerSteps(steps, {
          decided: ({ decision }, state) => {
            for (const event of decision.events) {
              if (event.type !== 'ChargeAccepted') continue;
              const { chargeId, accountId, amount } = event;
              const { creditLimit, totalSpent, status } = accountSpendOf(state, accountId);
              if (status !== 'active') violations.push(`${chargeId} accepted on an inactive account`);
              if (creditLimit !== null && totalSpent + amount > creditLimit)
                violations.push(`${chargeId} crossed the limit`);
              if (amount > state.balance) violations.push(`${chargeId} overdrew the balance`);
            }
          },
          applied: (_step, state) => violations.push(...negatives(state)),
        });
        expect(violations).toStrictEqual([]);
      }),
      runs,
    );
  });

  it('keeps the spend within a limit that has not changed since the spend was within it', () => {
    fc.assert(
      fc.property(ledgerRun, (steps) => {
        const spentWhenCapped = new Map<string, Micros>();
        const violations: string[] = [];
        runLedgerSteps(steps, {
          applied: ({ decision }, state) => {
            for (const event of decision.events) {
              if (event.type !== 'SpendPolicySet') continue;
              spentWhenCapped.set(event.accountId, accountSpendOf(state, event.accountId).totalSpent);
            }
            for (const [accountId, spentThen] of spentWhenCapped) {
              const { creditLimit, totalSpent } = accountSpendOf(state, accountId);
              if (creditLimit !== null && spentThen <= creditLimit && totalSpent > creditLimit) {
                violations.push(`${accountId} spent ${totalSpent} under a limit of ${creditLimit}`);
              }
            }
          },
        });
        expect(violations).toStrictEqual([]);
      }),
      runs,
    );
  });

  it('holds a balance and spends equal to the sums of the recorded events', () => {
    fc.assert(
      fc.property(ledgerRun, (steps) => {
        const { state, events } = runLedgerSteps(steps);
        const expected = sums(events);
        const accountIds = new Set([...expected.spent.keys(), ...state.accounts.keys()]);
        const spentByAccount = (spentOf: (accountId: string) => Micros) =>
          [...accountIds].map((accountId) => [accountId, spentOf(accountId)]);

        expect(state.balance).toBe(expected.balance);
        expect(spentByAccount((id) => accountSpendOf(state, id).totalSpent)).toStrictEqual(
          spentByAccount((id) => expected.spent.get(id) ?? 0n),
        );
      }),
      runs,
    );
  });

  it('rebuilds the same state by replaying the recorded events, even through the JSON codec', () => {
    fc.assert(
      fc.property(ledgerRun, (steps) => {
        const { state, events } = runLedgerSteps(steps);
        const stored = events.map((event) =>
          ledgerEventCodec.decode(JSON.parse(JSON.stringify(ledgerEventCodec.encode(event)))),
        );
        expect(stored).toStrictEqual(events.map((value) => ({ ok: true, value })));
        expect(replay(events)).toStrictEqual(state);
      }),
      runs,
    );
  });

  it('answers a repeated command with its first verdict and records nothing', () => {
    fc.assert(
      fc.property(ledgerRun, (steps) => {
        const { records } = runLedgerSteps(steps);
        for (const { decision, repeats } of records) {
          if (decision.outcome.type !== 'refused' && decision.outcome.replayed) expect(decision.events).toHaveLength(0);
          const first = repeats?.decision;
          if (first === undefined || first.events.length === 0 || first.outcome.type === 'spend_policy_set') continue;
          expect(decision.events).toHaveLength(0);
          expect(decision.outcome).toMatchObject({ type: first.outcome.type, replayed: true });
        }
      }),
      runs,
    );
  });

  it('records nothing before the team is opened', () => {
    fc.assert(
      fc.property(ledgerRun, (steps) => {
        const { events } = runLedgerSteps(steps);
        if (events.length > 0) expect(events[0].type).toBe('TeamOpened');
        expect(events.filter((event) => event.type === 'TeamOpened').length).toBeLessThanOrEqual(1);
      }),
      runs,
    );
  });

  it('never changes the state a decision reads', () => {
    fc.assert(
      fc.property(ledgerRun, (steps) => {
        const changed: string[] = [];
        runLedgerSteps(steps, {
          decided: ({ command }, state) => {
            const before = fingerprint(state);
            decide(command, state);
            if (fingerprint(state) !== before) changed.push(command.type);
          },
        });
        expect(changed).toStrictEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
