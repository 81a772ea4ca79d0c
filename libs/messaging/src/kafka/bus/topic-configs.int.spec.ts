import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { brokersFromEnv, recordingLogger, testConnection, uniqueName } from '../testing/kafka-test-kit';
import { KafkaMessageBus } from './kafka-message-bus';

/** A topic's setting as the broker reports it. */
async function settingOf(topic: string, name: string): Promise<string | undefined> {
  const admin = new Kafka({
    clientId: uniqueName('probe'),
    brokers: brokersFromEnv(),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    return resources[0]?.configEntries.find((entry) => entry.configName === name)?.configValue;
  } finally {
    await admin.disconnect();
  }
}

describe('KafkaMessageBus topic settings', () => {
  it('creates a topic with the settings given for it, under its namespace, and the others with the broker’s', async () => {
    const { logger } = recordingLogger();
    const namespace = `${uniqueName('ns')}.`;
    const bus = new KafkaMessageBus({
      connection: testConnection(logger),
      logger,
      namespace,
      defaultPartitions: 1,
      topicConfigs: { 'kept.events': { 'retention.ms': '-1', 'retention.bytes': '-1' } },
    });

    await bus.ensureTopics(['kept.events', 'other.events']);

    expect(await settingOf(`${namespace}kept.events`, 'retention.ms')).toBe('-1');
    expect(await settingOf(`${namespace}kept.events`, 'retention.bytes')).toBe('-1');
    expect(await settingOf(`${namespace}other.events`, 'retention.ms')).not.toBe('-1');
  });
});
