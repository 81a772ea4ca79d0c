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

  it('uses the brokers of KAFKA_BROKERS and starts nothing', async () => {
    const broker = await startKafkaBroker({ externalBrokers: 'kafka-1:9092, kafka-2:9092' });

    expect(broker.brokers).toEqual(['kafka-1:9092', 'kafka-2:9092']);
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
