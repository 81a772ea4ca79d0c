import { RefusedCommandIds } from './refused-command-ids';

describe('the ids a team had refused without an event', () => {
  it('holds the ids it was given, and no others', () => {
    const refused = new RefusedCommandIds(2);
    refused.add('a');
    refused.add('b');
    expect([refused.mayHold('a'), refused.mayHold('b'), refused.mayHold('c'), refused.hasForgotten]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('past its limit forgets them all and takes any id for one it may hold', () => {
    const refused = new RefusedCommandIds(2);
    for (const id of ['a', 'b', 'c']) refused.add(id);
    expect([refused.mayHold('a'), refused.mayHold('never'), refused.hasForgotten]).toEqual([true, true, true]);
  });

  it('copies without sharing', () => {
    const refused = new RefusedCommandIds(2);
    refused.add('a');
    const copy = refused.copy();
    refused.add('b');
    expect([copy.mayHold('a'), copy.mayHold('b')]).toEqual([true, false]);
  });
});
