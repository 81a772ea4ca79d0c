import { Admin, ITopicMetadata, Kafka, KafkaJSError } from 'kafkajs';
import { MessagingLogger } from './messaging-logger.port';
import { EnsuredTopic, TopicAdmin, TopicSpec } from './topic-admin.port';

const leaderWaitMs = 30_000;
const CREATE_ATTEMPTS = 5;

export class KafkaTopicAdmin implements TopicAdmin {
  constructor(
    private readonly kafka: Kafka,
    private readonly logger: MessagingLogger,
  ) {}

  /**
   * Creates only the missing topics: kafkajs skips waiting for leaders when any topic of the
   * request already exists. Leaders are then checked for all of them, which also covers a topic
   * that another process created a moment ago.
   */
  async ensureTopics(specs: TopicSpec[]): Promise<EnsuredTopic[]> {
    if (specs.length === 0) return [];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      await this.createMissing(admin, specs, existing);
      const metadata = await this.withLeaders(
        admin,
        specs.map((spec) => spec.topic),
      );
      return specs.map((spec) => this.describe(spec, metadata, !existing.has(spec.topic)));
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Services starting together create the same topics at the same moment: the loser of that race
   * gets "already exists" or, while the winner's creation settles, "unknown topic". Both mean "look
   * again", so the missing ones are listed and created anew a few times before giving up.
   */
  private async createMissing(admin: Admin, specs: TopicSpec[], existing: Set<string>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const missing = specs.filter((spec) => !existing.has(spec.topic));
      if (missing.length === 0) return;
      try {
        await admin.createTopics({ topics: missing.map(toTopicConfig), waitForLeaders: true, timeout: leaderWaitMs });
        return;
      } catch (error) {
        if (attempt >= CREATE_ATTEMPTS) throw error;
        this.logger.debug(
          `Creating topics failed (attempt ${attempt} of ${CREATE_ATTEMPTS}), looking again: ${error instanceof Error ? error.message : String(error)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
        for (const topic of await admin.listTopics()) existing.add(topic);
      }
    }
  }

  async listTopics(): Promise<string[]> {
    return this.withAdmin((admin) => admin.listTopics());
  }

  async deleteTopics(topics: string[]): Promise<void> {
    if (topics.length === 0) return;
    await this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const present = topics.filter((topic) => existing.has(topic));
      if (present.length > 0) await admin.deleteTopics({ topics: present, timeout: leaderWaitMs });
    });
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Waits until every partition has a leader. Right after a creation the broker may still answer
   * the metadata request itself with a retriable error ("does not host this topic-partition",
   * "no leader"): that too means "look again", until the deadline.
   */
  private async withLeaders(admin: Admin, topics: string[]): Promise<ITopicMetadata[]> {
    const deadline = Date.now() + leaderWaitMs;
    for (;;) {
      const metadata = await this.fetchMetadata(admin, topics, deadline);
      const leaderless = metadata?.filter((topic) => topic.partitions.some((partition) => partition.leader < 0)) ?? [];
      if (metadata && leaderless.length === 0) return metadata;
      if (Date.now() > deadline) {
        throw new Error(`Topics without a partition leader: ${leaderless.map((topic) => topic.name).join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The topics' metadata, or undefined when the broker answered a retriable error before the deadline. */
  private async fetchMetadata(admin: Admin, topics: string[], deadline: number): Promise<ITopicMetadata[] | undefined> {
    try {
      return (await admin.fetchTopicMetadata({ topics })).topics;
    } catch (error) {
      if (!isRetriable(error) || Date.now() > deadline) throw error;
      this.logger.debug(`Topic metadata not settled yet, looking again: ${(error as Error).message}`);
      return undefined;
    }
  }

  private describe(spec: TopicSpec, metadata: ITopicMetadata[], created: boolean): EnsuredTopic {
    const partitions = metadata.find((topic) => topic.name === spec.topic)?.partitions.length ?? 0;
    if (partitions !== spec.partitions) {
      // Adding partitions would move keys to other partitions and break their order, so a
      // mismatch is reported, never "fixed" here.
      this.logger.warn(`Topic ${spec.topic} has ${partitions} partitions, ${spec.partitions} wanted`, {
        topic: spec.topic,
        partitions,
        wanted: spec.partitions,
      });
    }
    return { topic: spec.topic, partitions, created };
  }
}

function isRetriable(error: unknown): boolean {
  return error instanceof KafkaJSError && error.retriable;
}

function toTopicConfig(spec: TopicSpec) {
  return {
    topic: spec.topic,
    numPartitions: spec.partitions,
    replicationFactor: spec.replicationFactor,
    configEntries: Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value })),
  };
}
