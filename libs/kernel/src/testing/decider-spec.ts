import { type AnyDecider, type Decision, fold, isRefused } from '../decider';

/**
 * Given/when/then for any decider (docs/architecture.md, "5. Layering", Deciders), in a jest test:
 *
 *   const spec = deciderSpec(ledgerDecider);
 *   it('records a top-up', () => spec.given([teamOpened()]).when(topUp('t1', 1_000n)).then([toppedUp('t1', 1_000n)]));
 *   it('refuses a zero top-up', () => spec.given([teamOpened()]).when(topUp('t1', 0n)).thenRefused({ reason: 'invalid_amount', amount: 0n }));
 *
 * `when` decides at once and checks that `decide` left the state it was given as it was; `given`
 * checks, for a decider that does not evolve in place, that `evolve` left every earlier state as it
 * was too.
 */
export function deciderSpec<C, S, E, O, R>(decider: AnyDecider<C, S, E, O, R>): DeciderSpec<C, S, E, O, R> {
  return {
    given: (events) => whenOn(decider, () => foldChecked(decider, events)),
    givenState: (state) => whenOn(decider, state),
  };
}

export interface DeciderSpec<C, S, E, O, R> {
  /** The state folded from these events, oldest first, from a fresh initial state. */
  given(events: readonly E[]): DeciderWhen<C, E, O, R>;
  /** A state built by the test, for what events alone cannot make (records a writer has forgotten). */
  givenState(state: () => S): DeciderWhen<C, E, O, R>;
}

export interface DeciderWhen<C, E, O, R> {
  when(command: C): DeciderThen<E, O, R>;
}

export interface DeciderThen<E, O, R> {
  /** Exactly these events are recorded; and this outcome when given, else any outcome but a refusal. */
  then(events: readonly E[], outcome?: O): void;
  /** The command is refused for this reason, and nothing is recorded. */
  thenRefused(refusal: R): void;
  /** The decision itself, for checks the two above cannot say. */
  readonly decision: Decision<E, O, R>;
}

function whenOn<C, S, E, O, R>(decider: AnyDecider<C, S, E, O, R>, stateOf: () => S): DeciderWhen<C, E, O, R> {
  return {
    when(command) {
      const state = stateOf();
      const before = structuredClone(state);
      const decision = decider.decide(command, state);
      expect(state).toStrictEqual(before);
      return thenOf(decision);
    },
  };
}

function thenOf<E, O, R>(decision: Decision<E, O, R>): DeciderThen<E, O, R> {
  return {
    decision,
    then(events, outcome) {
      if (outcome === undefined)
        expect(isRefused(decision.outcome) ? decision.outcome : 'not refused').toBe('not refused');
      else expect(decision.outcome).toStrictEqual(outcome);
      expect(decision.events).toStrictEqual(events);
    },
    thenRefused(refusal) {
      expect(decision.outcome).toStrictEqual({ type: 'refused', refusal });
      expect(decision.events).toStrictEqual([]);
    },
  };
}

function foldChecked<C, S, E, O, R>(decider: AnyDecider<C, S, E, O, R>, events: readonly E[]): S {
  if (decider.evolveInPlace) return fold(decider, events);
  let state = decider.initialState();
  for (const event of events) {
    const before = structuredClone(state);
    const next = decider.evolve(state, event);
    expect(state).toStrictEqual(before);
    state = next;
  }
  return state;
}
