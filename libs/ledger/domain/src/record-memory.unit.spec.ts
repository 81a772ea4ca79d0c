import fc from 'fast-check';
import type { LedgerEvent } from '@subledger/contracts';
import { decide } from './decide';
import { evolve } from './evolve';
import { initialState } from './ledger-state';
import type { LedgerState } from './ledger-state';
import { forgetOldRecords, holdsRecord, recallRecords, recordNamedBy } from './record-memory';
import type { RecordRef } from './record-memory';
import { recordedOutcome, numbersAfter } from './recorded-outcome';
import { replay } from './replay';
import { ledgerRun } from './testing/ledger-arbitraries';
import {
  adjust,
  adjusted,
  charge,
  chargeAccepted,
  chargeRefunded,
  chargeRefused,
  openTeam,
  refund,
  setPolicy,
  teamOpened,
  toppedUp,
  topUp,
} from './testing/ledger-fixtures';
import { runLedgerSteps } from './testing/ledger-run';

const refusedNumbers = { creditLimit: null, totalSpent: 0n, balance: 0n };

describe('the records a state keeps', () => {
  it('names the record each command reads', () => {
    expect(
      [charge('c', 'a', 1n), refund('c'), topUp('t', 1n), adjust('j', 1n), openTeam(), setPolicy('a', null)].map(
        recordNamedBy,
      ),
    ).toStrictEqual([
      { kind: 'charge', id: 'c' },
      { kind: 'charge', id: 'c' },
      { kind: 'topUp', id: 't' },
      { kind: 'adjustment', id: 'j' },
      null,
      null,
    ]);
  });

  it('keeps the newest records up to each limit, oldest out first, and leaves the money alone', () => {
    const state = replay([
      teamOpened(),
      toppedUp('t1', 100n),
      toppedUp('t2', 100n),
      adjusted('j1', -1n),
      ...['c1', 'c2', 'c3'].map((id) => chargeAccepted(id, 'a', 1n)),
    ]);

    forgetOldRecords(state, { charges: 2, topUps: 0, adjustments: 5 });

    expect([...state.charges.keys()]).toStrictEqual(['c2', 'c3']);
    expect(state.topUps.size).toBe(0);
    expect([...state.adjustments.keys()]).toStrictEqual(['j1']);
    expect(state.balance).toBe(196n);
    expect(state.accounts.get('a')?.totalSpent).toBe(3n);
  });

  it('recalls records from looked-up events without counting their money again', () => {
    const state = replay([
      teamOpened(),
      toppedUp('t1', 100n),
      chargeAccepted('c1', 'a', 5n),
      chargeRefunded('c1', 'a', 5n),
    ]);
    forgetOldRecords(state, { charges: 0, topUps: 0, adjustments: 0 });

    recallRecords(state, [
      chargeAccepted('c1', 'a', 5n),
      chargeRefunded('c1', 'a', 5n),
      chargeRefunded('c9', 'a', 1n),
      toppedUp('t1', 100n),
    ]);

    expect(state.charges).toStrictEqual(
      new Map([['c1', { accountId: 'a', amount: 5n, messageId: undefined, standing: 'refunded' }]]),
    );
    expect(state.topUps).toStrictEqual(new Map([['t1', { amount: 100n, reference: undefined }]]));
    expect(state.balance).toBe(100n);
    expect(state.accounts.get('a')?.totalSpent).toBe(0n);
  });

  it('recalls a refused charge with its reason as its standing', () => {
    const state = recallRecords(initialState(), [chargeRefused('c1', 'a', 5n, 'insufficient_balance', refusedNumbers)]);

    expect(state.charges.get('c1')).toStrictEqual({
      accountId: 'a',
      amount: 5n,
      messageId: undefined,
      standing: 'insufficient_balance',
    });
  });
});

/** The events of a team's log that make up one record: a charge and its refund, a top-up, an adjustment. */
function eventsOf(log: readonly LedgerEvent[], ref: RecordRef): LedgerEvent[] {
  return log.filter((event) => {
    switch (ref.kind) {
      case 'charge':
        return (
          (event.type === 'ChargeAccepted' || event.type === 'ChargeRefused' || event.type === 'ChargeRefunded') &&
          event.chargeId === ref.id
        );
      case 'topUp':
        return event.type === 'TopUpRecorded' && event.topUpId === ref.id;
      case 'adjustment':
        return event.type === 'BalanceAdjusted' && event.adjustmentId === ref.id;
    }
  });
}

describe('deciding with forgotten records', () => {
  it('decides every command as a state holding every record would, once the record it names is recalled', () => {
    fc.assert(
      fc.property(ledgerRun, fc.nat({ max: 3 }), (steps, keep) => {
        const forgetful: LedgerState = initialState();
        const log: LedgerEvent[] = [];
        const differences: string[] = [];
        runLedgerSteps(steps, {
          decided: ({ command, decision }) => {
            forgetOldRecords(forgetful, { charges: keep, topUps: keep, adjustments: keep });
            const ref = recordNamedBy(command);
            if (ref !== null && !holdsRecord(forgetful, ref)) recallRecords(forgetful, eventsOf(log, ref));
            const again = decide(command, forgetful);
            if (JSON.stringify(again, bigints) !== JSON.stringify(decision, bigints)) differences.push(command.type);
            for (const event of again.events) evolve(forgetful, event);
            log.push(...again.events);
          },
        });
        expect(differences).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('rebuilds the outcome of every decision that recorded an event from the event and the numbers after it', () => {
    fc.assert(
      fc.property(ledgerRun, (steps) => {
        const differences: string[] = [];
        runLedgerSteps(steps, {
          applied: ({ decision }, state) => {
            for (const event of decision.events) {
              const rebuilt = recordedOutcome(event, numbersAfter(state, event));
              if (JSON.stringify(rebuilt, bigints) !== JSON.stringify(decision.outcome, bigints))
                differences.push(event.type);
            }
          },
        });
        expect(differences).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

function bigints(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}
