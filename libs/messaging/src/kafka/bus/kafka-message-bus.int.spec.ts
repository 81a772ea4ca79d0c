import { Headers, type Envelope } from '../../port/message-envelope';
import { RequestTimeoutError } from '../../port/request-timeout.error';
import { KafkaConnection } from '../kafka-connection';
import { ConsumedMessage, MessageConsumer } from '../message-consumer.port';
import { offsetsOf, recordingLogger, testConnection, uniqueName, waitFor } from '../testing/kafka-test-kit';
import { KafkaMessageBus } from './kafka-message-bus';
import { KafkaMessageBusOptions } from './kafka-message-bus.options';
import { plainJson, type TopicCodecs } from './topic-codecs';
import { encodeValue } from './wire-v1.codec';

interface Sum {
  requester: string;
  a: bigint;
  b: bigint;
}

/**
 * What a service's contracts give the bus, in small: amounts written as decimal strings and read
 * back as bigints; on `strict-` topics a request must be an object with a string `name`, and one
 * that is not is refused with the field to blame; a reply of `answer` must be a string.
 */
const AMOUNTS = new Set(['a', 'b', 'total']);
const amounts = {
  encode: plainJson.encode,
  decode: (raw: string) => {
    const decoded = plainJson.decode(raw);
    if (!decoded.ok || typeof decoded.value !== 'object' || decoded.value === null) return decoded;
    const value = { ...(decoded.value as Record<string, unknown>) };
    for (const key of AMOUNTS) if (typeof value[key] === 'string') value[key] = BigInt(value[key] as string);
    return { ok: true as const, value };
  },
};
const named = {
  encode: plainJson.encode,
  decode: (raw: string) => {
    const decoded = plainJson.decode(raw);
    if (!decoded.ok) return decoded;
    const { name } = (decoded.value ?? {}) as { name?: unknown };
    if (typeof name === 'string') return decoded;
    return { ok: false as const, error: { message: 'name must be a string', field: 'name' } };
  },
};
const answer = {
  encode: plainJson.encode,
  decode: (raw: string) => {
    const decoded = plainJson.decode(raw);
    if (!decoded.ok || typeof decoded.value === 'string') return decoded;
    return { ok: false as const, error: { message: 'an answer must be a string' } };
  },
};
const testCodecs: TopicCodecs = {
  request: (topic) => (topic.startsWith('strict-') ? named : amounts),
  reply: (_topic, request) => ((request as { name?: unknown } | null)?.name === 'answer' ? answer : amounts),
  refusal: (topic, error) => (topic.startsWith('strict-') ? JSON.stringify({ refused: error }) : undefined),
};

const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);
/** The commit follows the handler's return asynchronously, so it is polled for. */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const done = <T>(batch: Envelope<T>[]) => batch.map(() => undefined);

describe('KafkaMessageBus against a real broker', () => {
  const { logger } = recordingLogger();
  let connection: KafkaConnection;
  const buses: KafkaMessageBus[] = [];
  const consumers: MessageConsumer[] = [];
  let first: KafkaMessageBus;
  let second: KafkaMessageBus;

  async function startedBus(options: Partial<KafkaMessageBusOptions> = {}): Promise<KafkaMessageBus> {
    const bus = new KafkaMessageBus({
      connection,
      logger,
      codecs: testCodecs,
      defaultPartitions: 3,
      maxAttempts: 3,
      retryBackoffMs: 10,
      ...options,
    });
    buses.push(bus);
    await bus.start();
    return bus;
  }

  /** Reads a topic raw, as an operator's tool would, to see exactly what the bus wrote there. */
  async function rawReader(topic: string): Promise<ConsumedMessage[]> {
    const received: ConsumedMessage[] = [];
    const consumer = connection.consumer({ groupId: uniqueName('reader'), topics: [topic] });
    consumers.push(consumer);
    await consumer.start(async (batch) => void received.push(...batch));
    return received;
  }

  beforeAll(async () => {
    connection = testConnection(logger);
    [first, second] = await Promise.all([startedBus(), startedBus()]);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await Promise.all(buses.map((bus) => bus.close()));
  });

  it('answers requests from two instances, each with its own replies only, bigints intact', async () => {
    const topic = uniqueName('sums');
    const replyTos = new Map<string, Set<string>>();
    await first.subscribe<Sum, { requester: string; total: bigint }>(topic, uniqueName('summer'), async (batch) =>
      batch.map(({ value, headers }) => {
        replyTos.set(value.requester, (replyTos.get(value.requester) ?? new Set()).add(headers[Headers.replyTo]));
        return { requester: value.requester, total: value.a + value.b };
      }),
    );
    const ask = (bus: KafkaMessageBus, requester: string, i: number) =>
      bus.request<{ requester: string; total: bigint }>(
        topic,
        `team-${i % 5}`,
        { requester, a: 2n ** 70n, b: BigInt(i) },
        { timeoutMs: 20_000 },
      );

    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => [ask(first, 'first', i), ask(second, 'second', i)]).flat(),
    );

    replies.forEach((reply, n) => {
      expect(reply).toEqual({
        requester: n % 2 === 0 ? 'first' : 'second',
        total: 2n ** 70n + BigInt(Math.floor(n / 2)),
      });
    });
    expect(replyTos).toEqual(
      new Map([
        ['first', new Set([first.replyTopic])],
        ['second', new Set([second.replyTopic])],
      ]),
    );
    expect(first.replyTopic).not.toBe(second.replyTopic);
  });

  it('writes amounts as decimal strings, in the wire format of schema version 2', async () => {
    const topic = uniqueName('written');
    await first.ensureTopics([topic]);
    const raw = await rawReader(topic);
    await first.publish(topic, 'k', { a: 2n ** 70n });
    await waitFor(() => raw.length === 1, 'the record');
    expect(raw[0].value.toString()).toBe('{"a":"1180591620717411303424"}');
    expect(raw[0].headers[Headers.schemaVersion]).toBe('2');
  });

  it("answers a request that does not decode with its topic's refusal, and dead-letters it", async () => {
    const topic = uniqueName('strict-');
    await first.ensureTopics([topic, `${topic}.dead-letter`]);
    const dead = await rawReader(`${topic}.dead-letter`);
    const handled: unknown[] = [];
    await first.subscribe<unknown, string>(topic, uniqueName('g'), async (batch) => {
      handled.push(...batch.map((m) => m.value));
      return batch.map(() => 'handled');
    });
    const refused = second.request(topic, 'k', { name: 7 }, { timeoutMs: 20_000 });
    const handledOne = second.request(topic, 'k', { name: 'fine' }, { timeoutMs: 20_000 });

    await expect(refused).resolves.toEqual({ refused: { message: 'name must be a string', field: 'name' } });
    await expect(handledOne).resolves.toBe('handled');
    await waitFor(() => dead.length === 1, 'the dead letter');
    expect(handled).toEqual([{ name: 'fine' }]);
    expect(dead[0].value.toString()).toBe('{"name":7}');
    expect(dead[0].headers[Headers.deadLetterReason]).toBe('Undecodable message: name must be a string');
  });

  it('reads a request of the first wire format and answers it in that format, for one release', async () => {
    const topic = uniqueName('sums');
    await first.subscribe<Sum, { total: bigint }>(topic, uniqueName('summer'), async (batch) =>
      batch.map(({ value }) => ({ total: value.a + value.b })),
    );
    const replyTopic = uniqueName('old-replies');
    await first.ensureTopics([replyTopic]);
    const replies = await rawReader(replyTopic);
    const producer = connection.producer();
    await producer.connect();
    await producer.send(topic, [
      {
        key: 'k',
        value: encodeValue({ requester: 'old', a: 2n ** 70n, b: 1n }),
        headers: { [Headers.schemaVersion]: '1', [Headers.correlationId]: 'c-1', [Headers.replyTo]: replyTopic },
      },
    ]);
    await producer.disconnect();

    await waitFor(() => replies.length === 1, 'the reply');
    expect(replies[0].headers[Headers.schemaVersion]).toBe('1');
    expect(JSON.parse(replies[0].value.toString())).toEqual({ total: { $bigint: String(2n ** 70n + 1n) } });
  });

  it('fails a request whose reply does not decode with the reply codec chosen when it was asked', async () => {
    const topic = uniqueName('answers');
    await first.subscribe<unknown, number>(topic, uniqueName('g'), async (batch) => batch.map(() => 42));
    await expect(second.request(topic, 'k', { name: 'answer' }, { timeoutMs: 20_000 })).rejects.toThrow(
      'Undecodable message: an answer must be a string',
    );
  });

  it('fails a request nobody answers with RequestTimeoutError', async () => {
    const topic = uniqueName('unanswered');
    await first.ensureTopics([topic]);

    await expect(first.request(topic, 'k', { n: 1n }, { timeoutMs: 300 })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it("keeps every key's order across partitions", async () => {
    const topic = uniqueName('ordered');
    const seen = new Map<string, { partitions: Set<number>; values: number[] }>();
    await second.subscribe<number, void>(topic, uniqueName('g'), async (batch) => {
      for (const { key, partition, value } of batch) {
        const entry = seen.get(key) ?? { partitions: new Set(), values: [] };
        entry.partitions.add(partition);
        entry.values.push(value);
        seen.set(key, entry);
      }
      return done(batch);
    });
    const keys = Array.from({ length: 8 }, (_, i) => `team-${i}`);

    await Promise.all(Array.from({ length: 30 }, (_, i) => keys.map((key) => first.publish(topic, key, i))).flat());
    await waitFor(() => keys.every((key) => seen.get(key)?.values.length === 30), 'every message');

    const usedPartitions = new Set(keys.flatMap((key) => [...(seen.get(key)?.partitions ?? [])]));
    expect(usedPartitions.size).toBeGreaterThan(1);
    for (const key of keys) {
      expect(seen.get(key)?.values).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(seen.get(key)?.partitions.size).toBe(1);
    }
  });

  it('delivers a failed batch again until it succeeds, then commits it', async () => {
    const topic = uniqueName('flaky');
    const group = uniqueName('g');
    await first.ensureTopics([topic]);
    await Promise.all([1, 2, 3].map((n) => first.publish(topic, 'k', n)));
    let calls = 0;
    const handled: number[] = [];

    await first.subscribe<number, void>(topic, group, async (batch) => {
      calls++;
      if (calls === 1) throw new Error('database unavailable');
      handled.push(...batch.map((m) => m.value));
      return done(batch);
    });
    await waitFor(() => handled.length === 3, 'the batch to succeed');

    expect(handled).toEqual([1, 2, 3]);
    expect(calls).toBe(2);
    await eventually(async () => expect(sum((await offsetsOf(topic, group)).committed)).toBe(3));
  });

  it('moves a poison message and an undecodable one to the dead-letter topic, and the partition moves on', async () => {
    const topic = uniqueName('work');
    await first.ensureTopics([topic, `${topic}.dead-letter`]);
    const dead = await rawReader(`${topic}.dead-letter`);
    const producer = connection.producer();
    await producer.connect();
    await first.publish(topic, 'same-key', 'a');
    await first.publish(topic, 'same-key', 'b');
    await producer.send(topic, [{ key: 'same-key', value: '{not json' }]);
    await producer.send(topic, [
      { key: 'same-key', value: '"from the future"', headers: { [Headers.schemaVersion]: '3' } },
    ]);
    await producer.disconnect();
    for (const value of ['poison', 'c', 'd']) await first.publish(topic, 'same-key', value);
    const handled: string[] = [];

    await second.subscribe<string, void>(topic, uniqueName('g'), async (batch) => {
      if (batch.some((m) => m.value === 'poison')) throw new Error('cannot parse poison');
      handled.push(...batch.map((m) => m.value));
      return done(batch);
    });
    await waitFor(() => handled.length === 4 && dead.length === 3, 'the partition to move on');

    expect(handled).toEqual(['a', 'b', 'c', 'd']);
    expect(dead.map((m) => m.value.toString())).toEqual(['{not json', '"from the future"', '"poison"']);
    expect(dead[0].headers[Headers.deadLetterReason]).toMatch(/^Undecodable message/);
    expect(dead[1].headers[Headers.deadLetterReason]).toBe('Undecodable message: schema version 3 is not 2');
    expect(dead[2].headers[Headers.deadLetterReason]).toBe('cannot parse poison');
    expect(dead[2].headers[Headers.attempts]).toBe('3');
  });

  it('keeps delivering a failing batch of a subscription that retries, never dead-lettering it', async () => {
    const topic = uniqueName('retry');
    await first.ensureTopics([topic, `${topic}.dead-letter`]);
    const dead = await rawReader(`${topic}.dead-letter`);
    for (const value of ['a', 'b']) await first.publish(topic, 'k', value);
    let failures = 0;
    const handled: string[] = [];
    // Three times the attempts after which a dead-letter subscription would give up on it.
    await second.subscribe<string, void>(
      topic,
      uniqueName('g'),
      async (batch) => {
        if (failures < 9) {
          failures += 1;
          throw new Error('database unavailable');
        }
        handled.push(...batch.map((m) => m.value));
        return done(batch);
      },
      { onRepeatedFailure: 'retry' },
    );
    await waitFor(() => handled.length === 2, 'the batch to succeed', 60_000);

    expect(handled).toEqual(['a', 'b']);
    expect(failures).toBe(9);
    expect(dead).toEqual([]);
  }, 90_000);

  it('commits nothing of a batch whose consumer stops before it succeeded: the group gets it again', async () => {
    const topic = uniqueName('crash');
    const group = uniqueName('g');
    await first.ensureTopics([topic]);
    await Promise.all(['x', 'y', 'z'].map((value) => first.publish(topic, 'k', value)));
    const crashing = await startedBus({ maxAttempts: 1_000, retryBackoffMs: 20 });
    let attempts = 0;
    await crashing.subscribe<string, void>(topic, group, async () => {
      attempts++;
      throw new Error('the process is about to die');
    });
    await waitFor(() => attempts >= 2, 'the batch to fail');

    await crashing.close();
    expect(sum((await offsetsOf(topic, group)).committed)).toBe(0);
    const redelivered: string[] = [];
    await second.subscribe<string, void>(topic, group, async (batch) => {
      redelivered.push(...batch.map((m) => m.value));
      return done(batch);
    });

    await waitFor(() => redelivered.length === 3, 'the redelivery');
    expect(redelivered).toEqual(['x', 'y', 'z']);
  });
});
