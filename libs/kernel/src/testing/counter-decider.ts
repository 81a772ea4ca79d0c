import type { Decider, MutatingDecider } from '../decider';
import { answered, recorded, refused } from '../decider';

// A decider small enough to test the decider helpers with: a counter that may not go below zero.
export type CounterCommand = { readonly type: 'add'; readonly by: number };
export type CounterEvent = { readonly type: 'added'; readonly by: number };
export type CounterState = { count: number };
export type CounterOutcome = { readonly type: 'counted'; readonly count: number };
export type CounterRefusal = { readonly reason: 'below_zero'; readonly count: number };

function decideCounter(command: CounterCommand, state: CounterState) {
  const count = state.count + command.by;
  if (count < 0) return refused<CounterRefusal>({ reason: 'below_zero', count: state.count });
  if (command.by === 0) return answered<CounterOutcome>({ type: 'counted', count });
  return recorded<CounterEvent, CounterOutcome>([{ type: 'added', by: command.by }], { type: 'counted', count });
}

export const counterDecider: Decider<CounterCommand, CounterState, CounterEvent, CounterOutcome, CounterRefusal> = {
  initialState: () => ({ count: 0 }),
  decide: decideCounter,
  evolve: (state, event) => ({ count: state.count + event.by }),
  evolveInPlace: false,
};

export const mutatingCounterDecider: MutatingDecider<
  CounterCommand,
  CounterState,
  CounterEvent,
  CounterOutcome,
  CounterRefusal
> = {
  ...counterDecider,
  evolve: (state, event) => {
    state.count += event.by;
    return state;
  },
  evolveInPlace: true,
};
