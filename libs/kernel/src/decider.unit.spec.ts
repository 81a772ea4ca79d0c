import { answered, fold, isRefused, recorded, refused } from './decider';
import { counterDecider, mutatingCounterDecider } from './testing/counter-decider';

describe('decisions', () => {
  it('records events with an outcome', () => {
    expect(recorded(['e1', 'e2'], 'done')).toStrictEqual({ events: ['e1', 'e2'], outcome: 'done' });
  });

  it('answers without events', () => {
    expect(answered({ type: 'same' })).toStrictEqual({ events: [], outcome: { type: 'same' } });
  });

  it('refuses without events, the refusal under the outcome refused', () => {
    expect(refused({ reason: 'no' })).toStrictEqual({
      events: [],
      outcome: { type: 'refused', refusal: { reason: 'no' } },
    });
  });

  it.each([
    ['a refusal', { type: 'refused', refusal: { type: 'team_not_found' } }, true],
    ['an outcome of another type', { type: 'charge_refused', reason: 'insufficient_balance' }, false],
    ['an outcome named refused without a refusal', { type: 'refused' }, false],
    ['no object', 'refused', false],
  ])('tells %s', (_case, outcome, expected) => {
    expect(isRefused(outcome)).toBe(expected);
  });
});

describe('fold', () => {
  const added = (by: number) => ({ type: 'added', by }) as const;

  it('starts from a fresh initial state', () => {
    expect(fold(counterDecider, [added(2), added(3)])).toStrictEqual({ count: 5 });
    expect(fold(counterDecider, [])).toStrictEqual({ count: 0 });
  });

  it('leaves the state it starts from alone with a decider that does not evolve in place', () => {
    const from = { count: 1 };
    expect(fold(counterDecider, [added(2)], from)).toStrictEqual({ count: 3 });
    expect(from).toStrictEqual({ count: 1 });
  });

  it('changes the state it starts from with a mutating decider, and returns it', () => {
    const from = { count: 1 };
    expect(fold(mutatingCounterDecider, [added(2)], from)).toBe(from);
    expect(from).toStrictEqual({ count: 3 });
  });
});
