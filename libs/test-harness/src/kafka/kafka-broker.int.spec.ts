/**
 * @long-running brokers of its own, started and stopped
 */
import { Kafka, logLevel } from 'kafkajs';
import { isPortOpen } from './free-port';
import { startKafkaBroker } from './kafka-broker';
import { requireJava } from './required-tools';

async function brokerCount(brokers: string[]): Promise<number> {
  const admin = new Kafka({ clientId: 'harness-int', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.describeCluster()).brokers.length;
  } finally {
    await admin.disconnect();
  }
}

describe('startKafkaBroker', () => {
  it('starts a broker of its own that serves clients, and stop() frees its port', async () => {
    const broker = await startKafkaBroker({ externalBrokers: null });
    const port = Number(broker.brokers[0].split(':')[1]);
    try {
      expect(await brokerCount(broker.brokers)).toBe(1);
    } finally {
      await broker.stop();
    }

    expect(await isPortOpen(port)).toBe(false);
  }, 120_000);

  it('kill() ends the broker at once, and restart() serves its topics, messages and committed offsets again on the same port', async () => {
    const broker = await startKafkaBroker({ externalBrokers: null });
    const port = Number(broker.brokers[0].split(':')[1]);
    const kafka = new Kafka({
      clientId: 'harness-int',
      brokers: broker.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 10 },
    });
    try {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: 'survives', numPartitions: 2 }], waitForLeaders: true });
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({
        topic: 'survives',
        messages: [
          { key: 'a', value: 'one' },
          { key: 'b', value: 'two' },
          { key: 'c', value: 'three' },
        ],
      });
      await producer.disconnect();
      await admin.setOffsets({ groupId: 'survivor', topic: 'survives', partitions: [{ partition: 0, offset: '1' }] });
      await admin.disconnect();

      await broker.kill();
      expect(await isPortOpen(port)).toBe(false);
      await broker.restart();

      const again = kafka.admin();
      await again.connect();
      try {
        const offsets = await again.fetchTopicOffsets('survives');
        const committed = await again.fetchOffsets({ groupId: 'survivor', topics: ['survives'] });
        expect({
          messages: offsets.reduce((sum, partition) => sum + Number(partition.high), 0),
          committed: committed[0].partitions.find((partition) => partition.partition === 0)?.offset,
        }).toEqual({ messages: 3, committed: '1' });
      } finally {
        await again.disconnect();
      }
    } finally {
      await broker.stop();
    }
    expect(await isPortOpen(port)).toBe(false);
  }, 180_000);

  it('uses the brokers of KAFKA_BROKERS and starts nothing, and refuses to kill them', async () => {
    const broker = await startKafkaBroker({ externalBrokers: 'kafka-1:9092, kafka-2:9092' });

    expect(broker.brokers).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    await expect(broker.kill()).rejects.toThrow(/not the harness's own/);
    await expect(broker.restart()).rejects.toThrow(/not the harness's own/);
    await expect(broker.stop()).resolves.toBeUndefined();
  });

  it('says what to install when java is missing', () => {
    const javaHome = process.env.JAVA_HOME;
    process.env.JAVA_HOME = '/nonexistent-jdk';
    try {
      expect(() => requireJava()).toThrow(/JDK 17.*Apache Maven/s);
    } finally {
      if (javaHome === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = javaHome;
    }
  });
});
