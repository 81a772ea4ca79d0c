import { randomBytes } from 'node:crypto';
import { type Envelope, KafkaConnection, KafkaMessageBus, type MessagingLogger } from '@subledger/messaging';
import { consumerLagGauge, KafkaConsumerLagMetrics } from './kafka-consumer-lag.metrics';

const quiet: MessagingLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** The gauge's series for one group, by "topic/partition". */
async function lagsOf(group: string): Promise<Record<string, number>> {
  const { values } = await consumerLagGauge().get();
  return Object.fromEntries(
    values
      .filter((sample) => sample.labels.group === group)
      .map((sample) => [`${sample.labels.topic}/${sample.labels.partition}`, sample.value]),
  );
}

/** docs/deployment.md, "Metrics": subledger_kafka_consumer_lag. */
describe('the Kafka consumer lag metric against a real broker', () => {
  const namespace = `lag-${randomBytes(4).toString('hex')}.`;
  let bus: KafkaMessageBus;
  let metrics: KafkaConsumerLagMetrics;

  beforeAll(async () => {
    const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
    const connection = new KafkaConnection({
      clientId: `lag-metric-${process.pid}`,
      brokers,
      logger: quiet,
      logLevel: 'warn',
    });
    bus = new KafkaMessageBus({ connection, logger: quiet, namespace, defaultPartitions: 2 });
    await bus.start();
    metrics = new KafkaConsumerLagMetrics(bus);
  });

  afterAll(async () => {
    await metrics.onModuleDestroy();
    await bus.close();
  });

  it("shows the messages the process's group holds unfinished, per partition, and 0 once it has handled them", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    await bus.subscribe('work', 'workers', async (batch: Envelope[]) => {
      await held;
      handled.push(...batch.map((message) => message.key));
      return batch.map(() => undefined);
    });
    for (let i = 0; i < 5; i++) await bus.publish('work', 'one-key', { i });
    const group = `${namespace}workers`;
    const topic = `${namespace}work`;

    await metrics.refresh();
    const whileHeld = await lagsOf(group);
    expect(Object.keys(whileHeld).sort()).toEqual([`${topic}/0`, `${topic}/1`]);
    expect(Object.values(whileHeld).sort()).toEqual([0, 5]);

    release();
    const deadline = Date.now() + 20_000;
    while (handled.length < 5 || Object.values(await lagsOf(group)).some((lag) => lag !== 0)) {
      if (Date.now() > deadline)
        throw new Error(`lag still ${JSON.stringify(await lagsOf(group))} after handling ${handled.length}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await metrics.refresh();
    }
    expect(await lagsOf(group)).toEqual({ [`${topic}/0`]: 0, [`${topic}/1`]: 0 });
  });

  it('leaves the metric alone for a bus without Kafka consumer groups', async () => {
    const before = await consumerLagGauge().get();
    const inProcess = new KafkaConsumerLagMetrics(undefined);
    inProcess.onApplicationBootstrap();
    await inProcess.refresh();
    await inProcess.onModuleDestroy();
    expect(await consumerLagGauge().get()).toEqual(before);
  });
});
