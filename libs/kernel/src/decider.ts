/**
 * The one shape of a decider, shared by the ledger and the accounts domains (docs/architecture.md,
 * "5. Layering", Deciders): `decide(command, state) -> decision`, `evolve(state, event) -> state`,
 * and a fresh `initialState()`.
 */

/**
 * A command the decider would not act on: nothing is recorded. `R` is the domain's refusal as its
 * contract publishes it (the ledger's keyed by `reason`, accounts' by `type`).
 */
export interface Refused<R> {
  readonly type: 'refused';
  readonly refusal: R;
}

/**
 * What `decide` answers: the events to record (none for a refusal or for a command that changes
 * nothing) and the outcome the caller answers with. A refusal is the outcome `Refused<R>`.
 */
export interface Decision<E, O, R = never> {
  readonly events: readonly E[];
  readonly outcome: O | Refused<R>;
}

interface DeciderFunctions<C, S, E, O, R> {
  /** A new state for a stream with no events; a new object on every call. */
  readonly initialState: () => S;
  /** Decides a command against a state without changing it. */
  readonly decide: (command: C, state: S) => Decision<E, O, R>;
  /** The state after one recorded event. */
  readonly evolve: (state: S, event: E) => S;
}

/** A decider whose `evolve` returns a new state and leaves the one it was given as it was. */
export interface Decider<C, S, E, O, R = never> extends DeciderFunctions<C, S, E, O, R> {
  readonly evolveInPlace: false;
}

/**
 * A decider whose `evolve` changes the state it is given and returns that same object.
 *
 * Why: the ledger's single writer folds every charge of a hot team into its state while it decides
 * a group commit (tens of thousands a second); a state copied per event would cost time and garbage
 * proportional to the team's maps for every charge. So whoever holds the state owns it: it takes a
 * copy first when it needs the state as it was (to roll back after a failed commit), and never
 * shares one state between two folds. `decide` still never changes the state.
 */
export interface MutatingDecider<C, S, E, O, R = never> extends DeciderFunctions<C, S, E, O, R> {
  readonly evolveInPlace: true;
}

export type AnyDecider<C, S, E, O, R = never> = Decider<C, S, E, O, R> | MutatingDecider<C, S, E, O, R>;

/** Records these events and answers with this outcome. */
export function recorded<E, O>(events: readonly E[], outcome: O): Decision<E, O> {
  return { events, outcome };
}

/** Answers without recording anything: a command that finds what it asks for already true. */
export function answered<O>(outcome: O): Decision<never, O> {
  return { events: [], outcome };
}

/** Refuses the command: nothing is recorded. */
export function refused<R>(refusal: R): Decision<never, never, R> {
  return { events: [], outcome: { type: 'refused', refusal } };
}

export function isRefused<O, R>(outcome: O | Refused<R>): outcome is Refused<R> {
  return (
    typeof outcome === 'object' &&
    outcome !== null &&
    (outcome as { type?: unknown }).type === 'refused' &&
    'refusal' in outcome
  );
}

/**
 * The state after `events`, from a fresh initial state unless `from` is given. With a mutating
 * decider, `from` is changed in place.
 */
export function fold<S, E>(
  decider: Pick<AnyDecider<unknown, S, E, unknown, unknown>, 'initialState' | 'evolve'>,
  events: Iterable<E>,
  from: S = decider.initialState(),
): S {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
