import { recordingLogger, testConnection, uniqueName } from './testing/kafka-test-kit';

describe('KafkaTopicAdmin against a real broker', () => {
  it('creates missing topics with their partitions and reports existing ones as they are', async () => {
    const { logger, lines } = recordingLogger();
    const admin = testConnection(logger).topicAdmin();
    const commands = uniqueName('commands');
    const replies = uniqueName('replies');

    const first = await admin.ensureTopics([{ topic: commands, partitions: 4 }]);
    const second = await admin.ensureTopics([
      { topic: commands, partitions: 6 },
      { topic: replies, partitions: 2, configs: { 'retention.ms': '3600000' } },
    ]);

    expect(first).toEqual([{ topic: commands, partitions: 4, created: true }]);
    expect(second).toEqual([
      { topic: commands, partitions: 4, created: false },
      { topic: replies, partitions: 2, created: true },
    ]);
    expect(lines).toContainEqual({ level: 'warn', message: `Topic ${commands} has 4 partitions, 6 wanted` });
  });

  it('lets several processes create the same topics at the same moment, as services starting together do', async () => {
    const { logger } = recordingLogger();
    const topics = Array.from({ length: 10 }, () => ({ topic: uniqueName('race'), partitions: 12 }));
    const admins = Array.from({ length: 3 }, () => testConnection(logger).topicAdmin());

    const results = await Promise.all(admins.map((admin) => admin.ensureTopics(topics)));

    for (const result of results)
      expect(result.map(({ topic, partitions }) => ({ topic, partitions }))).toEqual(topics);
  }, 90_000);
});
