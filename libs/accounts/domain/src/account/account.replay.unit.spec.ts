import { accountEventCodec, AccountCommand, AccountEvent } from '@subledger/contracts';
import * as fc from 'fast-check';
import { DAY_MS } from '../values/deletion-retention.value-object';
import { CENT, createKey, createSub, event, keyCreated, subCreated, SUB_ID, T0 } from '../testing/account-fixtures';
import { decideAccount } from './account.decide';
import { evolveAccount, replayAccount } from './account.evolve';
import { AccountState, activeKeyIds, initialAccountState } from './account.state';
import { dueReminderCommands } from './deletion-reminders';

const keyId = fc.constantFrom('k1', 'k2', 'k3');

/** Every account command, with mostly valid and sometimes invalid fields; `at` is set later. */
const anyCommand: fc.Arbitrary<AccountCommand> = fc.oneof(
  fc.constant(createSub()),
  fc
    .record({ name: fc.constantFrom('New', ''), creditLimit: fc.constantFrom(null, CENT, 3n) })
    .map((changes): AccountCommand => ({ type: 'UpdateAccount', accountId: SUB_ID, changes, at: 0 })),
  fc
    .constantFrom<AccountCommand['type']>(
      'SuspendAccount',
      'ResumeAccount',
      'DeactivateAccount',
      'RestoreAccount',
      'PurgeAccount',
    )
    .map((type) => ({ type, accountId: SUB_ID, at: 0 }) as AccountCommand),
  fc.option(fc.constantFrom(DAY_MS, 14 * DAY_MS), { nil: undefined }).map((retentionMs): AccountCommand => ({
    type: 'ScheduleDeletion',
    accountId: SUB_ID,
    at: 0,
    ...(retentionMs ? { retentionMs } : {}),
  })),
  fc
    .constantFrom(0, 1, 7, 12, 14, 5)
    .map((day): AccountCommand => ({ type: 'RecordDeletionReminder', accountId: SUB_ID, day, at: 0 })),
  keyId.map((id) => createKey(id)),
  keyId.map((id): AccountCommand => ({ type: 'RevokeApiKey', accountId: SUB_ID, keyId: id, at: 0 })),
);

/** Commands with times moving forward by up to 20 days, so that deletion windows open and close. */
const history = fc
  .array(fc.tuple(anyCommand, fc.integer({ min: 0, max: 20 * DAY_MS })), { maxLength: 40 })
  .map((steps) => {
    let at = T0;
    return steps.map(([command, step]) => ({ ...command, at: (at += step) }));
  });

function run(commands: readonly AccountCommand[]) {
  let state: AccountState = initialAccountState();
  const states: AccountState[] = [state];
  // Copies taken as each state is made, to show later that no step changed an earlier state.
  const snapshots: AccountState[] = [structuredClone(state)];
  const events: AccountEvent[] = [];
  for (const command of commands) {
    const decision = decideAccount(command, state);
    if (decision.outcome.type !== 'accepted') expect(decision.events).toEqual([]);
    events.push(...decision.events);
    state = decision.events.reduce(evolveAccount, state);
    states.push(state);
    snapshots.push(structuredClone(state));
  }
  return { state, states, snapshots, events };
}

describe('account replay', () => {
  it('replaying the appended events, through their JSON form, gives the state the decider ended with', () => {
    fc.assert(
      fc.property(history, (commands) => {
        const { state, events } = run(commands);
        const decoded = events.map((e) => {
          const result = accountEventCodec.decodeText(JSON.stringify(accountEventCodec.encode(e)));
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          return result.value;
        });
        expect(replayAccount(decoded)).toEqual(state);
      }),
    );
  });

  it('never changes a state it has already returned', () => {
    fc.assert(
      fc.property(history, (commands) => {
        const { states, snapshots } = run(commands);
        expect(states).toEqual(snapshots);
      }),
    );
  });

  it('keeps an account pending deletion without active keys, and a purged one without personal data', () => {
    fc.assert(
      fc.property(history, (commands) => {
        for (const state of run(commands).states) {
          if (state.status === 'pending_deletion') expect(activeKeyIds(state)).toEqual([]);
          if (state.status === 'purged') {
            for (const personal of ['name', 'externalId', 'metadata', 'keys'])
              expect(state).not.toHaveProperty(personal);
          }
        }
      }),
    );
  });

  it('records each reminder at most once, whatever the scheduler sends', () => {
    fc.assert(
      fc.property(history, fc.array(fc.integer({ min: 0, max: 20 * DAY_MS }), { maxLength: 30 }), (commands, ticks) => {
        const { state: start } = run(commands);
        let state = start;
        const days: number[] = [];
        let at = commands.at(-1)?.at ?? T0;
        for (const tick of ticks) {
          at += tick;
          for (const command of [...dueReminderCommands(state, at), ...dueReminderCommands(state, at)]) {
            const decision = decideAccount(command, state);
            for (const e of decision.events) if (e.type === 'DeletionReminderRecorded') days.push(e.day);
            state = decision.events.reduce(evolveAccount, state);
          }
        }
        expect(new Set(days).size).toBe(days.length);
      }),
    );
  });

  it('reaches every status in the generated histories', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(history, (commands) => void run(commands).states.forEach((state) => seen.add(state.status))),
      // A fixed seed: this checks the generator's reach, which must not depend on luck.
      { seed: 20_261_127, numRuns: 200 },
    );
    expect([...seen].sort()).toEqual(['active', 'inactive', 'missing', 'pending_deletion', 'purged']);
  });

  it('ignores, in evolve, an event that cannot apply to a missing account', () => {
    expect(evolveAccount(initialAccountState(), keyCreated('k1'))).toEqual(initialAccountState());
    expect(evolveAccount(initialAccountState(), event('AccountSuspended', {}))).toEqual(initialAccountState());
    expect(replayAccount([subCreated()])).toMatchObject({ status: 'active' });
  });
});
