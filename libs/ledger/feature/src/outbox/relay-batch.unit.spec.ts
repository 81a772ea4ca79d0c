import type { ReadAllOptions, RecordedEvent, SqlEventStoreTransaction } from '@subledger/event-store';
import type { MessageBus } from '@subledger/messaging';
import { relayBatch, type RelayStore } from './relay-batch';
import { delayAfter } from './relay-schedule';

const SETTINGS = { topic: 'ledger.events', name: 'relay', batchSize: 3 };

const event = (position: bigint, streamId = 'team-t1', type = 'TopUpRecorded'): RecordedEvent => ({
  id: `id-${position}`,
  streamId,
  type,
  data: type === 'TeamOpened' ? { type, schemaVersion: 1, currency: 'eur' } : { type, schemaVersion: 1 },
  metadata: { balanceAfter: `${position}000000` },
  streamVersion: position,
  globalPosition: position,
  recordedAt: new Date(0),
});

/** A store whose one transaction runs against scripted answers and records what it was asked. */
class ScriptedStore implements RelayStore {
  readonly schema = 'ledger';
  readonly quotedSchema = '"ledger"';
  readonly calls: string[] = [];
  /** Streams whose TeamOpened the store does not find. */
  readonly currencyless = new Set<string>();
  outcome: 'committed' | 'rolled back' | undefined;

  constructor(private readonly script: { locked: boolean; checkpoint?: bigint; events: RecordedEvent[] }) {}

  async transaction<T>(work: (tx: SqlEventStoreTransaction) => Promise<T>): Promise<T> {
    try {
      const result = await work(this.tx());
      this.outcome = 'committed';
      return result;
    } catch (error) {
      this.outcome = 'rolled back';
      throw error;
    }
  }

  private tx(): SqlEventStoreTransaction {
    const { locked, checkpoint, events } = this.script;
    const query = async (sql: string, params: readonly unknown[] = []) => {
      if (sql.includes('pg_try_advisory_xact_lock')) {
        this.calls.push(`lock ${params.join(' ')}`);
        return { rows: [{ locked }] };
      }
      if (sql.includes("type = 'TeamOpened'")) {
        const streams = params[0] as string[];
        this.calls.push(`currencies of ${streams.join(' ')}`);
        return {
          rows: streams
            .filter((stream) => !this.currencyless.has(stream))
            .map((stream_id) => ({ stream_id, currency: 'usd' })),
        };
      }
      if (sql.startsWith('SELECT position')) {
        this.calls.push(`load ${params.join(' ')}`);
        return { rows: checkpoint === undefined ? [] : [{ position: checkpoint.toString() }] };
      }
      this.calls.push(`save ${params.join(' ')}`);
      return { rows: [] };
    };
    const readAll = async ({ fromPosition, maxCount }: ReadAllOptions = {}) => {
      this.calls.push(`read from ${fromPosition} max ${maxCount}`);
      return events;
    };
    return { query, readAll } as unknown as SqlEventStoreTransaction;
  }
}

/** A bus whose publishes stay pending until the test settles them. */
class HeldBus implements MessageBus {
  readonly published: {
    key: string;
    value: { eventId: string };
    headers: Record<string, string>;
    settle: (error?: Error) => void;
  }[] = [];

  publish(_topic: string, key: string, value: unknown, headers: Record<string, string> = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      this.published.push({
        key,
        value: value as { eventId: string },
        headers,
        settle: (error) => (error ? reject(error) : resolve()),
      });
    });
  }

  subscribe(): void {
    throw new Error('not used');
  }

  handOver(): Promise<void> {
    throw new Error('not used');
  }

  request<R>(): Promise<R> {
    throw new Error('not used');
  }
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('relayBatch', () => {
  it('reads after the checkpoint, publishes every ledger event keyed by team, and moves the checkpoint only once all are acknowledged', async () => {
    const store = new ScriptedStore({
      locked: true,
      checkpoint: 4n,
      events: [event(5n, 'team-a'), event(6n, 'team-b'), event(7n, 'team-a')],
    });
    const bus = new HeldBus();

    const pass = relayBatch(store, bus, SETTINGS);
    await settled();

    expect(bus.published.map(({ key, value }) => [key, value.eventId])).toEqual([
      ['a', 'id-5'],
      ['b', 'id-6'],
      ['a', 'id-7'],
    ]);
    expect(store.calls).toEqual([
      'lock ledger relay',
      'load relay',
      'read from 5 max 3',
      'currencies of team-a team-b',
    ]);

    bus.published[0].settle();
    bus.published[2].settle();
    await settled();
    expect(store.calls).not.toContain('save relay 7');

    bus.published[1].settle();
    await expect(pass).resolves.toEqual({ type: 'relayed', read: 3, published: 3, checkpoint: 7n });
    expect(store.calls.at(-1)).toBe('save relay 7');
    expect(store.outcome).toBe('committed');
  });

  it("carries each team's currency, read once per batch except for a team opened in it, and the balance after each event", async () => {
    const store = new ScriptedStore({
      locked: true,
      events: [event(0n, 'team-n', 'TeamOpened'), event(1n, 'team-a'), event(2n, 'team-n'), event(3n, 'team-a')],
    });
    const bus = new HeldBus();

    const pass = relayBatch(store, bus, { ...SETTINGS, batchSize: 4 });
    await settled();
    bus.published.forEach((message) => message.settle());

    await expect(pass).resolves.toEqual({ type: 'relayed', read: 4, published: 4, checkpoint: 3n });
    expect(store.calls.filter((call) => call.startsWith('currencies'))).toEqual(['currencies of team-a']);
    expect(bus.published.map(({ value }) => value)).toEqual([
      expect.objectContaining({ teamId: 'n', currency: 'eur', balanceAfter: '0000000' }),
      expect.objectContaining({ teamId: 'a', currency: 'usd', balanceAfter: '1000000' }),
      expect.objectContaining({ teamId: 'n', currency: 'eur', balanceAfter: '2000000' }),
      expect.objectContaining({ teamId: 'a', currency: 'usd', balanceAfter: '3000000' }),
    ]);
  });

  it('fails the batch, publishing nothing, when a team has no TeamOpened or an event no balanceAfter (a damaged store)', async () => {
    const noOpening = new ScriptedStore({ locked: true, events: [event(1n, 'team-x')] });
    noOpening.currencyless.add('team-x');
    const bus = new HeldBus();
    await expect(relayBatch(noOpening, bus, SETTINGS)).rejects.toThrow(
      'Event 1 of team-x: the stream has no TeamOpened with a currency',
    );

    const noBalance = new ScriptedStore({ locked: true, events: [{ ...event(1n, 'team-a'), metadata: {} }] });
    await expect(relayBatch(noBalance, bus, SETTINGS)).rejects.toThrow('Event 1 of team-a carries no balanceAfter');
    expect(bus.published).toEqual([]);
    expect([noOpening.outcome, noBalance.outcome]).toEqual(['rolled back', 'rolled back']);
  });

  it('starts from the first position when the relay has no checkpoint yet', async () => {
    const store = new ScriptedStore({ locked: true, events: [] });

    await expect(relayBatch(store, new HeldBus(), SETTINGS)).resolves.toEqual({ type: 'caught_up' });
    expect(store.calls).toEqual(['lock ledger relay', 'load relay', 'read from 0 max 3']);
  });

  it('passes over events that are not the ledger’s, yet moves the checkpoint past them', async () => {
    const store = new ScriptedStore({
      locked: true,
      events: [
        event(1n, 'team-a'),
        event(2n, 'account-x', 'AccountCreated'),
        event(3n, 'team-accounts-a', 'TeamCreated'),
      ],
    });
    const bus = new HeldBus();

    const pass = relayBatch(store, bus, SETTINGS);
    await settled();
    bus.published.forEach((message) => message.settle());

    await expect(pass).resolves.toEqual({ type: 'relayed', read: 3, published: 1, checkpoint: 3n });
    expect(bus.published.map(({ value }) => value.eventId)).toEqual(['id-1']);
    expect(store.calls.at(-1)).toBe('save relay 3');
  });

  it('when a publish fails, waits for the others to settle, then fails without saving the checkpoint', async () => {
    const store = new ScriptedStore({ locked: true, events: [event(1n), event(2n), event(3n)] });
    const bus = new HeldBus();
    let finished = false;

    const pass = relayBatch(store, bus, SETTINGS).finally(() => (finished = true));
    pass.catch(() => undefined);
    await settled();
    bus.published[1].settle(new Error('broker unreachable'));
    bus.published[0].settle();
    await settled();
    expect(finished).toBe(false);

    bus.published[2].settle();
    await expect(pass).rejects.toThrow(
      expect.objectContaining({
        message: '1 of 3 ledger events could not be published to ledger.events',
        cause: new Error('broker unreachable'),
      }),
    );
    expect(store.calls.some((call) => call.startsWith('save'))).toBe(false);
    expect(store.outcome).toBe('rolled back');
  });

  it('counts a publish that throws at once as failed, after the ones already started settle', async () => {
    const store = new ScriptedStore({ locked: true, events: [event(1n), event(2n)] });
    const bus = new HeldBus();
    const publish = bus.publish.bind(bus);
    bus.publish = (topic, key, value, headers) => {
      if (bus.published.length === 1) throw new Error('bus is closed');
      return publish(topic, key, value, headers);
    };

    const pass = relayBatch(store, bus, SETTINGS);
    pass.catch(() => undefined);
    await settled();
    bus.published[0].settle();

    await expect(pass).rejects.toThrow('1 of 2 ledger events could not be published');
    expect(store.outcome).toBe('rolled back');
  });

  it('stands by without reading or publishing when another relay holds the lock', async () => {
    const store = new ScriptedStore({ locked: false, events: [event(1n)] });
    const bus = new HeldBus();

    await expect(relayBatch(store, bus, SETTINGS)).resolves.toEqual({ type: 'standby' });
    expect(store.calls).toEqual(['lock ledger relay']);
    expect(bus.published).toEqual([]);
  });
});

describe('delayAfter', () => {
  const options = { batchSize: 3, pollIntervalMs: 200, standbyIntervalMs: 1_000 };

  it.each([
    [
      'a full batch: more may wait, go on at once',
      { type: 'relayed', read: 3, published: 2, checkpoint: 9n } as const,
      0,
    ],
    ['a partial batch: caught up', { type: 'relayed', read: 2, published: 2, checkpoint: 9n } as const, 200],
    ['nothing to read', { type: 'caught_up' } as const, 200],
    ['another relay publishes', { type: 'standby' } as const, 1_000],
  ])('after %s', (_what, batch, delay) => {
    expect(delayAfter(batch, options)).toBe(delay);
  });
});
