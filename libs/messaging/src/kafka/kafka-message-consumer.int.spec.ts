import { KafkaJSNonRetriableError } from 'kafkajs';
import { KafkaConnection } from './kafka-connection';
import { KafkaConsumerOptions } from './kafka-message-consumer';
import { ConsumedBatchHandler, ConsumedMessage, MessageConsumer } from './message-consumer.port';
import { MessageProducer, OutgoingMessage } from './message-producer.port';
import { offsetsOf, recordingLogger, testConnection, uniqueName, waitFor } from './testing/kafka-test-kit';

interface Payload {
  key: string;
  seq: number;
}

const payloadOf = (message: ConsumedMessage): Payload => JSON.parse(message.value.toString()) as Payload;
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const keysNamed = (count: number): string[] => range(0, count).map((i) => `team-${i}`);

function offsetsOn(messages: ConsumedMessage[], partition: number): number[] {
  return messages.filter((message) => message.partition === partition).map((message) => message.offset);
}

function seqsOf(messages: ConsumedMessage[], key: string): number[] {
  return messages.filter((message) => message.key === key).map((message) => payloadOf(message).seq);
}

/** Sends seq `from` to `to - 1` of every key, `perSend` of each key per send() call, keys interleaved. */
async function produce(
  producer: MessageProducer,
  topic: string,
  keys: string[],
  from: number,
  to: number,
  perSend: number,
) {
  for (let start = from; start < to; start += perSend) {
    const messages: OutgoingMessage[] = [];
    for (let seq = start; seq < Math.min(start + perSend, to); seq++) {
      for (const key of keys) {
        messages.push({ key, value: JSON.stringify({ key, seq }), headers: { seq: String(seq) } });
      }
    }
    await producer.send(topic, messages);
  }
}

describe('KafkaMessageConsumer against a real broker', () => {
  const cleanups: (() => Promise<void>)[] = [];
  let connection: KafkaConnection;
  let logLines: ReturnType<typeof recordingLogger>['lines'];

  beforeEach(() => {
    const recording = recordingLogger();
    logLines = recording.lines;
    connection = testConnection(recording.logger);
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  async function topicWith(partitions: number): Promise<string> {
    const topic = uniqueName('consumer-int');
    await connection.topicAdmin().ensureTopics([{ topic, partitions }]);
    return topic;
  }

  async function connectedProducer(): Promise<MessageProducer> {
    const producer = connection.producer();
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    return producer;
  }

  function consumerOf(options: KafkaConsumerOptions): MessageConsumer {
    const consumer = connection.consumer(options);
    cleanups.push(() => consumer.stop());
    return consumer;
  }

  it("delivers every key's messages in order, from one partition, and commits all of them", async () => {
    const topic = await topicWith(6);
    const groupId = uniqueName('group');
    const keys = keysNamed(8);
    await produce(await connectedProducer(), topic, keys, 0, 40, 5);
    const received: ConsumedMessage[] = [];
    const consumer = consumerOf({ groupId, topics: [topic], partitionsConsumedConcurrently: 3 });

    await consumer.start(async (batch) => {
      received.push(...batch);
    });
    await waitFor(() => received.length >= keys.length * 40, 'all messages');
    await consumer.stop();

    for (const key of keys) {
      expect(seqsOf(received, key)).toEqual(range(0, 40));
      expect(new Set(received.filter((m) => m.key === key).map((m) => m.partition)).size).toBe(1);
    }
    expect(received.every((message) => message.headers.seq === String(payloadOf(message).seq))).toBe(true);
    const { committed, end } = await offsetsOf(topic, groupId);
    expect(committed).toEqual(end);
  });

  it('resumes a group from its committed offsets: nothing before them again, nothing lost', async () => {
    const topic = await topicWith(3);
    const groupId = uniqueName('group');
    const keys = keysNamed(6);
    const producer = await connectedProducer();
    // One message per key per send and small fetches make many small batches, so that the first
    // consumer stops with part of every partition committed and part not.
    await produce(producer, topic, keys, 0, 60, 1);
    const firstRun: ConsumedMessage[] = [];
    const first = consumerOf({ groupId, topics: [topic], maxBytesPerPartition: 512 });
    let stopping: Promise<void> | undefined;

    await first.start(async (batch) => {
      firstRun.push(...batch);
      if (firstRun.length >= 150 && !stopping) stopping = first.stop();
    });
    await waitFor(() => stopping !== undefined, 'the first consumer to stop');
    await stopping;
    const { committed } = await offsetsOf(topic, groupId);

    expect(committed.reduce((sum, offset) => sum + offset, 0)).toBeLessThan(keys.length * 60);
    committed.forEach((offset, partition) => expect(offsetsOn(firstRun, partition)).toEqual(range(0, offset)));

    await produce(producer, topic, keys, 60, 100, 10);
    const { end } = await offsetsOf(topic, groupId);
    const secondRun: ConsumedMessage[] = [];
    const second = consumerOf({ groupId, topics: [topic] });
    await second.start(async (batch) => {
      secondRun.push(...batch);
    });
    const reachedEnd = (partition: number) =>
      end[partition] === 0 || offsetsOn(secondRun, partition).includes(end[partition] - 1);
    await waitFor(() => end.every((_, partition) => reachedEnd(partition)), 'the second consumer to reach the end');
    await second.stop();

    end.forEach((offset, partition) =>
      expect(offsetsOn(secondRun, partition)).toEqual(range(committed[partition], offset)),
    );
    for (const key of keys) expect([...seqsOf(firstRun, key), ...seqsOf(secondRun, key)]).toEqual(range(0, 100));
  });

  it('delivers a batch again when its handler throws, and commits only after success', async () => {
    const topic = await topicWith(1);
    const groupId = uniqueName('group');
    await produce(await connectedProducer(), topic, ['team-x'], 0, 10, 10);
    const attempts: number[][] = [];
    const processed: ConsumedMessage[] = [];
    const handler: ConsumedBatchHandler = async (batch) => {
      attempts.push(batch.map((message) => message.offset));
      if (attempts.length === 1) throw new Error('database unavailable');
      processed.push(...batch);
    };
    const consumer = consumerOf({ groupId, topics: [topic] });

    await consumer.start(handler);
    await waitFor(() => processed.length >= 10, 'the batch to be processed');
    await consumer.stop();

    expect(attempts[0][0]).toBe(0);
    expect(attempts[1][0]).toBe(0);
    expect(processed.map((message) => message.offset)).toEqual(range(0, 10));
    expect(await offsetsOf(topic, groupId)).toEqual({ committed: [10], end: [10] });
    expect(logLines.some((line) => line.level === 'error' && line.message.includes('eachBatch'))).toBe(true);
  });

  it('starts again after a crash kafkajs would not restart from, and delivers the batch again', async () => {
    const topic = await topicWith(1);
    const groupId = uniqueName('group');
    await produce(await connectedProducer(), topic, ['team-x'], 0, 5, 5);
    const processed: ConsumedMessage[] = [];
    let attempts = 0;
    const handler: ConsumedBatchHandler = async (batch) => {
      attempts += 1;
      if (attempts === 1)
        throw new KafkaJSNonRetriableError('The request included a message larger than the max message size');
      processed.push(...batch);
    };
    const consumer = consumerOf({ groupId, topics: [topic], restartAfterCrashMs: 200 });

    await consumer.start(handler);
    await waitFor(() => processed.length >= 5, 'the batch to be processed after the restart');
    await consumer.stop();

    expect(attempts).toBe(2);
    expect(processed.map((message) => message.offset)).toEqual(range(0, 5));
    expect(await offsetsOf(topic, groupId)).toEqual({ committed: [5], end: [5] });
    expect(logLines.some((line) => line.level === 'error' && line.message.includes('starting it again'))).toBe(true);
  });
});
