import { quoteSchemaName } from './sql-schema-name';

describe('quoteSchemaName', () => {
  it('quotes plain lowercase identifiers', () => {
    expect(quoteSchemaName('public')).toBe('"public"');
    expect(quoteSchemaName('t_0a1b')).toBe('"t_0a1b"');
  });

  it.each(['', 'Public', '1abc', 'a-b', 'a"; DROP TABLE x; --', 'a'.repeat(64)])('refuses %p', (name) => {
    expect(() => quoteSchemaName(name)).toThrow(TypeError);
  });
});
