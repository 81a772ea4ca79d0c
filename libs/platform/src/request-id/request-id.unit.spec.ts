import type { IncomingMessage } from 'node:http';
import { requestIdOf } from './request-id';

const withHeader = (value: string | string[] | undefined) =>
  ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it.each(['abc', 'order-42/attempt-1', 'a.b_c~d:e@f+g=h', '0f8fad5b-d9cb-469f-a165-70867728950e', 'x'.repeat(128)])(
    'keeps the client id %s',
    (id) => {
      expect(requestIdOf(withHeader(id))).toBe(id);
    },
  );

  it.each([undefined, '', 'two words', 'quote"d', 'new\nline', 'x'.repeat(129), 'é'])(
    'makes up a UUID for %j',
    (id) => {
      expect(requestIdOf(withHeader(id))).toMatch(UUID);
    },
  );

  it('takes the first of repeated headers', () => {
    expect(requestIdOf(withHeader(['first', 'second']))).toBe('first');
  });
});
