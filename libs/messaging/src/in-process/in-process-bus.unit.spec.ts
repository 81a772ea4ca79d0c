import { Headers, type Envelope } from '../port/message-envelope';
import { partitionForKey } from '../port/partition-for-key';
import { RequestTimeoutError } from '../port/request-timeout.error';
import { InProcessBus } from './in-process-bus';

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition never held');
};

describe('InProcessBus', () => {
  let bus: InProcessBus;
  beforeEach(() => (bus = new InProcessBus({ defaultPartitions: 4, maxBatch: 7, maxAttempts: 3 })));
  afterEach(() => bus.close());

  it('delivers each key in publish order, one batch at a time per partition', async () => {
    const seen = new Map<string, number[]>();
    const inFlight = new Set<number>();
    bus.subscribe<number, void>('commands', 'ledger', async (batch) => {
      const partition = batch[0].partition;
      expect(inFlight.has(partition)).toBe(false);
      inFlight.add(partition);
      await new Promise((resolve) => setImmediate(resolve));
      for (const message of batch) seen.set(message.key, [...(seen.get(message.key) ?? []), message.value]);
      inFlight.delete(partition);
      return batch.map(() => undefined);
    });
    const keys = ['team-a', 'team-b', 'team-c', 'team-d', 'team-e'];
    for (let i = 0; i < 100; i++) for (const key of keys) bus.publish('commands', key, i);
    await until(() => keys.every((key) => seen.get(key)?.length === 100));
    for (const key of keys) expect(seen.get(key)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('routes a key to the same partition every time', () => {
    const partitions = new Set(Array.from({ length: 10 }, () => bus.publish('t', 'team-42', 1).partition));
    expect([...partitions]).toEqual([partitionForKey('team-42', 4)]);
  });

  it('answers a request with the reply the handler returns for it', async () => {
    bus.subscribe<{ n: number }, { doubled: number }>('math', 'svc', async (batch) =>
      batch.map((m) => ({ doubled: m.value.n * 2 })),
    );
    const replies = await Promise.all(
      [1, 2, 3].map((n) => bus.request<{ doubled: number }>('math', `k${n}`, { n }, { timeoutMs: 1000 })),
    );
    expect(replies).toEqual([{ doubled: 2 }, { doubled: 4 }, { doubled: 6 }]);
  });

  it('fails a request with RequestTimeoutError when nobody answers in time', async () => {
    await expect(bus.request('nobody-listens', 'k', {}, { timeoutMs: 20 })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('delivers a failed batch again (at-least-once) until it succeeds', async () => {
    let calls = 0;
    const handled: number[] = [];
    bus.subscribe<number, void>('flaky', 'g', async (batch) => {
      calls++;
      if (calls === 1) throw new Error('transient');
      handled.push(...batch.map((m) => m.value));
      return batch.map(() => undefined);
    });
    bus.publish('flaky', 'k', 1);
    bus.publish('flaky', 'k', 2);
    await until(() => handled.length === 2);
    expect(handled).toEqual([1, 2]);
    expect(calls).toBe(2);
  });

  it('moves a poison message to the dead-letter topic with its reason, and the partition moves on', async () => {
    const handled: string[] = [];
    const dead: Envelope<string>[] = [];
    bus.subscribe<string, void>('work', 'g', async (batch) => {
      if (batch.some((m) => m.value === 'poison')) throw new Error('cannot parse poison');
      handled.push(...batch.map((m) => m.value));
      return batch.map(() => undefined);
    });
    bus.subscribe<string, void>('work.dead-letter', 'ops', async (batch) => {
      dead.push(...batch);
      return batch.map(() => undefined);
    });
    for (const value of ['a', 'b', 'poison', 'c', 'd']) bus.publish('work', 'same-key', value);
    await until(() => handled.length === 4 && dead.length === 1);
    expect(handled).toEqual(['a', 'b', 'c', 'd']);
    expect(dead[0].value).toBe('poison');
    expect(dead[0].headers[Headers.deadLetterReason]).toBe('cannot parse poison');
  });

  it('keeps delivering a failing batch of a subscription that retries, never dead-lettering it', async () => {
    const handled: string[] = [];
    const dead: Envelope<string>[] = [];
    let failures = 0;
    bus.subscribe<string, void>(
      'money',
      'g',
      async (batch) => {
        if (failures < 5) {
          failures += 1;
          throw new Error('database unavailable');
        }
        handled.push(...batch.map((m) => m.value));
        return batch.map(() => undefined);
      },
      { onRepeatedFailure: 'retry' },
    );
    bus.subscribe<string, void>('money.dead-letter', 'ops', async (batch) => (dead.push(...batch), []));
    for (const value of ['a', 'b']) bus.publish('money', 'k', value);
    for (let waited = 0; handled.length < 2 && waited < 5_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handled).toEqual(['a', 'b']);
    expect(failures).toBe(5);
    expect(dead).toEqual([]);
  });

  it('gives every consumer group its own copy of the stream', async () => {
    const a: number[] = [];
    const b: number[] = [];
    bus.publish('events', 'k', 1);
    bus.subscribe<number, void>('events', 'a', async (batch) => (a.push(...batch.map((m) => m.value)), []));
    bus.subscribe<number, void>('events', 'b', async (batch) => (b.push(...batch.map((m) => m.value)), []));
    bus.publish('events', 'k', 2);
    await until(() => a.length === 2 && b.length === 2);
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1, 2]);
  });

  describe('handOver', () => {
    it('resolves once every group consuming the topic has handled the message, not before', async () => {
      const releases: (() => void)[] = [];
      const handledBy: string[] = [];
      for (const group of ['accounts', 'audit']) {
        bus.subscribe<string, void>('records', group, async (batch) => {
          await new Promise<void>((release) => releases.push(release));
          handledBy.push(group);
          return batch.map(() => undefined);
        });
      }
      let done = false;
      const handedOver = bus.handOver('records', 'team-a', 'message-1').then(() => (done = true));
      await until(() => releases.length === 2);
      releases[0]();
      await until(() => handledBy.length === 1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(done).toBe(false);
      releases[1]();
      await handedOver;
      expect(handledBy.sort()).toEqual(['accounts', 'audit']);
    });

    it('waits through a failed delivery until the batch is handled', async () => {
      let attempts = 0;
      bus.subscribe<string, void>('records', 'accounts', async (batch) => {
        attempts += 1;
        if (attempts < 3) throw new Error('database unavailable');
        return batch.map(() => undefined);
      });
      await bus.handOver('records', 'team-a', 'message-1');
      expect(attempts).toBe(3);
    });

    it('resolves at once when no group consumes the topic', async () => {
      await expect(bus.handOver('nobody-reads-this', 'k', 1)).resolves.toBeUndefined();
    });

    it('fails the hand-overs still waiting when the bus closes', async () => {
      bus.subscribe<string, void>('records', 'accounts', () => new Promise(() => undefined));
      const handedOver = bus.handOver('records', 'team-a', 'message-1');
      await new Promise((resolve) => setImmediate(resolve));
      bus.close();
      await expect(handedOver).rejects.toThrow('closed');
      await expect(bus.handOver('records', 'team-a', 'message-2')).rejects.toThrow('closed');
    });
  });
});
