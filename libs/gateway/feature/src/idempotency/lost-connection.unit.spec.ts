import { isLostConnection } from './lost-connection';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isLostConnection', () => {
  it.each([
    [
      'the session terminated by pg_terminate_backend',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['the server restarting', withCode('the database system is starting up', '57P03')],
    ['a connection exception', withCode('connection failure', '08006')],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    ['the socket closed under a query', new Error('Connection terminated unexpectedly')],
    ['a client already known dead', new Error('Client has encountered a connection error and is not queryable')],
  ])('is true for %s', (_case, error) => {
    expect(isLostConnection(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a serialization failure', withCode('could not serialize access', '40001')],
    ['a statement cancelled by its timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['a syntax error', withCode('syntax error at or near "SELEC"', '42601')],
    ['an error without a code', new Error('something else')],
    ['a thrown string', 'Connection terminated'],
  ])('is false for %s', (_case, error) => {
    expect(isLostConnection(error)).toBe(false);
  });
});
