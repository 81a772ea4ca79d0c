import type { Envelope } from '../../port/message-envelope';
import { RequestTimeoutError } from '../../port/request-timeout.error';
import { KafkaMessageBus } from '../bus/kafka-message-bus';
import { KafkaConnection } from '../kafka-connection';
import type { MessagingLogger } from '../messaging-logger.port';
import { recordingLogger, testConnection, uniqueName, waitFor } from '../testing/kafka-test-kit';
import { StartingKafkaBus } from './starting-kafka-bus';

describe('StartingKafkaBus', () => {
  const buses: StartingKafkaBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  function startingBus(connection: KafkaConnection, topics: string[], logger: MessagingLogger): StartingKafkaBus {
    const bus = new StartingKafkaBus({
      createBus: () => new KafkaMessageBus({ connection, logger, defaultPartitions: 2 }),
      connection,
      logger,
      brokers: ['test'],
      topics,
      initialBackoffMs: 50,
      maxBackoffMs: 200,
      publishWaitMs: 300,
    });
    buses.push(bus);
    return bus;
  }

  it('joins the groups subscribed before start() only once started, then reports itself ready', async () => {
    const { logger, lines } = recordingLogger();
    const topic = uniqueName('starting');
    const group = uniqueName('group');
    const bus = startingBus(testConnection(logger), [topic], logger);
    const received: string[] = [];
    await bus.subscribe<string, undefined>(topic, group, async (batch: Envelope<string>[]) =>
      batch.map((message) => void received.push(message.value)),
    );
    expect(await bus.readiness()).toMatchObject({
      state: 'not_started',
      ready: false,
      groups: [{ group, member: false }],
    });

    await bus.start();
    const readiness = await bus.readiness();
    expect(readiness).toMatchObject({ state: 'ready', brokerReachable: true, ready: true });
    expect(readiness.groups).toEqual(expect.arrayContaining([{ group, member: true }]));
    await bus.publish(topic, 'k', 'hello');
    await waitFor(() => received.length === 1, 'the message');
    expect(received).toEqual(['hello']);
    expect(lines.filter((line) => line.level === 'info').map((line) => line.message.replace(/:.*$/, ''))).toEqual(
      expect.arrayContaining(['Waiting for Kafka at test', 'Kafka reachable, creating topics', 'Consumers joined']),
    );

    await bus.close();
    expect(await bus.readiness()).toMatchObject({ state: 'closed', ready: false });
  }, 60_000);

  it('waits for an absent broker without failing: requests time out as requests do, and close() ends the wait', async () => {
    const { logger, lines } = recordingLogger();
    const absent = new KafkaConnection({
      clientId: uniqueName('absent'),
      brokers: ['127.0.0.1:1'],
      logger,
      logLevel: 'warn',
    });
    const bus = startingBus(absent, [uniqueName('never')], logger);
    const started = bus.start();
    await waitFor(() => lines.some((line) => line.message === 'Waiting for Kafka at test'), 'the first state line');

    await expect(bus.request('t', 'k', {}, { timeoutMs: 300 })).rejects.toBeInstanceOf(RequestTimeoutError);
    await expect(bus.publish('t', 'k', {})).rejects.toThrow(/not connected yet/);
    expect(await bus.readiness()).toMatchObject({ state: 'waiting_for_broker', brokerReachable: false, ready: false });
    // One warning for the reason, however many attempts were made.
    expect(
      lines.filter((line) => line.level === 'warn' && line.message.startsWith('Could not reach a broker yet')),
    ).toHaveLength(1);

    const closing = Date.now();
    await bus.close();
    await started;
    expect(Date.now() - closing).toBeLessThan(3_000);
  }, 30_000);
});
