import { RELAY_DEFAULTS, resolveRelayOptions } from './ledger-events-relay.options';

describe('resolveRelayOptions', () => {
  it('publishes to ledger.events in batches of 500, polling every 200 ms, by default', () => {
    expect(resolveRelayOptions()).toEqual({
      topic: 'ledger.events',
      name: 'ledger-events-relay',
      batchSize: 500,
      pollIntervalMs: 200,
      standbyIntervalMs: 1_000,
      retryBackoffMs: 1_000,
    });
  });

  it('takes the values given and keeps the defaults of the ones left undefined', () => {
    expect(resolveRelayOptions({ batchSize: 10, pollIntervalMs: undefined, topic: 'events.copy' })).toEqual({
      ...RELAY_DEFAULTS,
      batchSize: 10,
      topic: 'events.copy',
    });
  });

  it('refuses bad values, naming every one of them', () => {
    const resolve = () =>
      resolveRelayOptions({
        batchSize: 0,
        pollIntervalMs: 1.5,
        standbyIntervalMs: -1,
        retryBackoffMs: Number.NaN,
        topic: ' ',
        name: '',
      });

    expect(resolve).toThrow(RangeError);
    expect(resolve).toThrow(
      'Invalid ledger events relay options: topic must be a non-blank string, got " "; name must be a non-blank string, got ""; ' +
        'batchSize must be a whole number from 1 to 10000, got 0; pollIntervalMs must be a whole number from 1 to 9007199254740991, got 1.5; ' +
        'standbyIntervalMs must be a whole number from 1 to 9007199254740991, got -1; retryBackoffMs must be a whole number from 1 to 9007199254740991, got NaN',
    );
  });

  it('refuses a batch larger than 10,000 events', () => {
    expect(() => resolveRelayOptions({ batchSize: 10_001 })).toThrow(
      'batchSize must be a whole number from 1 to 10000, got 10001',
    );
    expect(resolveRelayOptions({ batchSize: 10_000 }).batchSize).toBe(10_000);
  });
});
