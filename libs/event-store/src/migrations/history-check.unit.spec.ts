import { checkHistory, PendingMigrationsError, SchemaNewerThanCodeError } from './history-check';

describe('checkHistory', () => {
  const known = ['1796475000000_first', '1796475100000_second'];

  it.each([
    ['a fresh schema', [], { unknown: [], pending: known }],
    ['a schema one migration behind', ['1796475000000_first'], { unknown: [], pending: ['1796475100000_second'] }],
    ['an up-to-date schema', known, { unknown: [], pending: [] }],
    [
      'a schema a newer version migrated',
      [...known, '1796475200000_third'],
      { unknown: ['1796475200000_third'], pending: [] },
    ],
    [
      'a schema of another branch',
      ['1796475000000_first', '1796475150000_other'],
      { unknown: ['1796475150000_other'], pending: ['1796475100000_second'] },
    ],
  ])('finds what %s holds and lacks', (_case, recorded, expected) => {
    expect(checkHistory(recorded, known)).toEqual(expected);
  });

  it('names the schema, the history and the migrations in its refusals', () => {
    expect(new SchemaNewerThanCodeError('ledger', 'ledger', ['1796475200000_third']).message).toMatch(
      /^schema "ledger" has ledger migration 1796475200000_third, which this version does not know: the schema was migrated by a newer version/,
    );
    expect(new PendingMigrationsError('accounts', 'accounts', ['1796475100000_second']).message).toMatch(
      /^schema "accounts" lacks accounts migration 1796475100000_second and MIGRATIONS=verify: run `subledger migrate`/,
    );
  });
});
