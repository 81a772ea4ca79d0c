import { type Kafka, KafkaJSProtocolError } from 'kafkajs';
import type { MessagingLogger } from './messaging-logger.port';
import { KafkaTopicAdmin } from './kafka-topic-admin';

const quiet: MessagingLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const protocolError = (type: string, retriable: boolean) =>
  new KafkaJSProtocolError(Object.assign(new Error(type), { type, code: 3, retriable }));

/** A stand-in kafkajs client whose admin answers each metadata request with the next of `answers`. */
function kafkaAnswering(answers: (Error | number)[]): { kafka: Kafka; metadataRequests: () => number } {
  let requests = 0;
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    listTopics: async () => ['orders'],
    createTopics: async () => true,
    fetchTopicMetadata: async () => {
      const answer = answers[Math.min(requests++, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      return {
        topics: [
          {
            name: 'orders',
            partitions: [{ partitionId: 0, leader: answer, replicas: [1], isr: [1], offlineReplicas: [] }],
          },
        ],
      };
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, metadataRequests: () => requests };
}

describe('KafkaTopicAdmin.ensureTopics', () => {
  it('looks again when the broker answers the metadata request with a retriable error, and when a partition has no leader yet', async () => {
    const { kafka, metadataRequests } = kafkaAnswering([protocolError('UNKNOWN_TOPIC_OR_PARTITION', true), -1, 1]);
    const ensured = await new KafkaTopicAdmin(kafka, quiet).ensureTopics([
      { topic: 'orders', partitions: 1, replicationFactor: 1 },
    ]);
    expect(ensured).toEqual([{ topic: 'orders', partitions: 1, created: false }]);
    expect(metadataRequests()).toBe(3);
  });

  it('fails at once on an error that is not retriable', async () => {
    const { kafka, metadataRequests } = kafkaAnswering([protocolError('TOPIC_AUTHORIZATION_FAILED', false), 1]);
    await expect(
      new KafkaTopicAdmin(kafka, quiet).ensureTopics([{ topic: 'orders', partitions: 1, replicationFactor: 1 }]),
    ).rejects.toThrow('TOPIC_AUTHORIZATION_FAILED');
    expect(metadataRequests()).toBe(1);
  });
});
