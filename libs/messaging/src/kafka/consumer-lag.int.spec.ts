import { Consumer, Kafka, logLevel } from 'kafkajs';
import { consumerGroupLags } from './consumer-lag';
import { brokersFromEnv, uniqueName, waitFor } from './testing/kafka-test-kit';

describe('consumerGroupLags against a real broker', () => {
  const kafka = new Kafka({ clientId: uniqueName('lag-int'), brokers: brokersFromEnv(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const consumers: Consumer[] = [];
  let topic: string;

  beforeAll(async () => {
    await admin.connect();
    topic = uniqueName('lag');
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [0, 1, 2].map((i) => ({ partition: 0, value: `p0-${i}` })) });
    await producer.send({ topic, messages: [0, 1].map((i) => ({ partition: 1, value: `p1-${i}` })) });
    await producer.disconnect();
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('measures each partition from the committed offset, and a partition without one from its start', async () => {
    const group = uniqueName('committed');
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '1' }] });

    expect(await consumerGroupLags(admin, [group])).toEqual([
      { group, topic, partition: 0, lag: 2 },
      { group, topic, partition: 1, lag: 2 },
    ]);
  });

  it('counts all of a subscribed topic for a live group that has not committed anything yet', async () => {
    const group = uniqueName('live');
    const consumer = kafka.consumer({ groupId: group, maxWaitTimeInMs: 100 });
    consumers.push(consumer);
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    // Reads but never resolves nor commits: the group stays at "nothing consumed".
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    await waitFor(() => joined, 'the consumer to join its group');

    expect(await consumerGroupLags(admin, [group])).toEqual([
      { group, topic, partition: 0, lag: 3 },
      { group, topic, partition: 1, lag: 2 },
    ]);
  });

  it('does not count messages that retention deleted, and answers nothing for a group Kafka does not know', async () => {
    const group = uniqueName('behind');
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: [
        { partition: 0, offset: '0' },
        { partition: 1, offset: '0' },
      ],
    });
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 1, offset: '1' }] });

    const lags = await consumerGroupLags(admin, [uniqueName('unknown'), group]);

    expect(lags).toEqual([
      { group, topic, partition: 0, lag: 3 },
      { group, topic, partition: 1, lag: 1 },
    ]);
  });
});
