/**
 * @long-running a broker of its own, killed and restarted
 */
import { type KafkaBroker, startKafkaBroker } from '@subledger/test-harness';
import { RequestTimeoutError } from '../../port/request-timeout.error';
import { KafkaConnection } from '../kafka-connection';
import { recordingLogger, uniqueName, waitFor } from '../testing/kafka-test-kit';
import { KafkaMessageBus } from './kafka-message-bus';

// A broker of its own, killed (SIGKILL) and started again on its data while requests wait: a
// request that cannot be sent keeps being sent until its deadline, so the broker's return serves
// it, and one whose deadline passes first times out like any unanswered request; a hand-over
// nobody takes within its time fails the same way.

describe('KafkaMessageBus requests while the broker is killed and restarted', () => {
  const { logger, lines } = recordingLogger();
  let broker: KafkaBroker;
  let dead = false;
  const buses: KafkaMessageBus[] = [];

  beforeAll(async () => {
    broker = await startKafkaBroker({ externalBrokers: null });
  }, 120_000);

  afterAll(async () => {
    // A failed test may leave the broker dead, and buses cannot leave their groups without it.
    if (dead) await broker.restart();
    await Promise.all(buses.map((bus) => bus.close()));
    await broker?.stop();
  }, 120_000);

  async function startedBus(): Promise<KafkaMessageBus> {
    const connection = new KafkaConnection({
      clientId: uniqueName('broker-restart'),
      brokers: broker.brokers,
      logger,
      logLevel: 'error',
    });
    const bus = new KafkaMessageBus({ connection, logger, defaultPartitions: 2, maxAttempts: 3, retryBackoffMs: 10 });
    buses.push(bus);
    await bus.start();
    return bus;
  }

  it('answers a request sent while the broker is dead once it is back, and times out one whose deadline comes first, and a hand-over', async () => {
    const topic = uniqueName('doubles');
    const [server, client] = await Promise.all([startedBus(), startedBus()]);
    await server.subscribe<{ n: number }, { doubled: number }>(topic, uniqueName('doubler'), async (batch) =>
      batch.map(({ value }) => ({ doubled: 2 * value.n })),
    );
    expect(await client.request(topic, 'k', { n: 1 }, { timeoutMs: 20_000 })).toEqual({ doubled: 2 });

    await broker.kill();
    dead = true;
    const outlasted = client.request(topic, 'k', { n: 2 }, { timeoutMs: 2_000 }).then(
      () => 'answered',
      (error: unknown) => error,
    );
    const served = client.request(topic, 'k', { n: 3 }, { timeoutMs: 120_000 });
    served.catch(() => undefined);
    expect(await outlasted).toBeInstanceOf(RequestTimeoutError);
    // kafkajs retries a send for about 10 s before it gives up: the broker stays dead past that.
    await waitFor(
      () =>
        lines.some(
          (line) =>
            line.level === 'warn' &&
            line.message.startsWith('A request could not be sent, sending it again until its deadline'),
        ),
      'a failed send',
      60_000,
    );
    // A hand-over nobody takes fails as a timeout, not with the client's own error.
    await expect(client.handOver(topic, 'k', { n: 4 })).rejects.toBeInstanceOf(RequestTimeoutError);
    await broker.restart();
    dead = false;

    expect(await served).toEqual({ doubled: 6 });
  }, 240_000);
});
