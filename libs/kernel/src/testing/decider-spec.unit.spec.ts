import type { Decider } from '../decider';
import {
  counterDecider,
  type CounterCommand,
  type CounterEvent,
  type CounterOutcome,
  type CounterRefusal,
  type CounterState,
  mutatingCounterDecider,
} from './counter-decider';
import { deciderSpec } from './decider-spec';

const add = (by: number): CounterCommand => ({ type: 'add', by });
const added = (by: number): CounterEvent => ({ type: 'added', by });

describe.each([
  ['a decider that evolves by copy', counterDecider],
  ['a decider that evolves in place', mutatingCounterDecider],
])('deciderSpec with %s', (_kind, decider) => {
  const spec = deciderSpec(decider);

  it('passes when the events are the ones recorded', () => {
    spec
      .given([added(2)])
      .when(add(3))
      .then([added(3)]);
  });

  it('passes when the events and the outcome are the ones decided', () => {
    spec
      .given([added(2)])
      .when(add(3))
      .then([added(3)], { type: 'counted', count: 5 });
    spec
      .given([added(2)])
      .when(add(0))
      .then([], { type: 'counted', count: 2 });
  });

  it('passes when the refusal is the one decided', () => {
    spec
      .given([added(2)])
      .when(add(-3))
      .thenRefused({ reason: 'below_zero', count: 2 });
  });

  it('fails on other events, another outcome or another refusal', () => {
    expect(() =>
      spec
        .given([])
        .when(add(3))
        .then([added(4)]),
    ).toThrow();
    expect(() =>
      spec
        .given([])
        .when(add(3))
        .then([added(3)], { type: 'counted', count: 4 }),
    ).toThrow();
    expect(() => spec.given([]).when(add(-1)).thenRefused({ reason: 'below_zero', count: 1 })).toThrow();
  });

  it('fails when a refusal is expected and the command passes, and the other way round', () => {
    expect(() => spec.given([]).when(add(1)).thenRefused({ reason: 'below_zero', count: 0 })).toThrow();
    expect(() => spec.given([]).when(add(-1)).then([])).toThrow();
  });

  it('starts each given from a fresh initial state', () => {
    spec
      .given([added(5)])
      .when(add(0))
      .then([], { type: 'counted', count: 5 });
    spec
      .given([added(5)])
      .when(add(0))
      .then([], { type: 'counted', count: 5 });
  });

  it('decides against a state built by the test', () => {
    spec
      .givenState(() => ({ count: 7 }))
      .when(add(-7))
      .then([added(-7)], { type: 'counted', count: 0 });
  });

  it('hands over the decision for other checks', () => {
    expect(spec.given([]).when(add(1)).decision.events).toHaveLength(1);
  });
});

describe('deciderSpec catches', () => {
  it('a decide that changes the state it was given', () => {
    const careless: Decider<CounterCommand, CounterState, CounterEvent, CounterOutcome, CounterRefusal> = {
      ...counterDecider,
      decide: (command, state) => {
        state.count += command.by;
        return counterDecider.decide(command, state);
      },
    };
    expect(() => deciderSpec(careless).given([]).when(add(1))).toThrow();
  });

  it('an evolve that changes its state when the decider says it evolves by copy', () => {
    const mislabelled = { ...mutatingCounterDecider, evolveInPlace: false } as const;
    expect(() => deciderSpec(mislabelled).given([added(1)])).not.toThrow();
    expect(() =>
      deciderSpec(mislabelled)
        .given([added(1)])
        .when(add(1)),
    ).toThrow();
  });
});
