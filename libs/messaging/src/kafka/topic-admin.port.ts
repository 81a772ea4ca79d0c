export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Defaults to the broker's default replication factor. */
  replicationFactor?: number;
  /** Topic-level settings, e.g. `{ 'retention.ms': '604800000' }`. */
  configs?: Record<string, string>;
}

export interface EnsuredTopic {
  topic: string;
  /** Partitions the topic actually has, which may differ from the spec if it already existed. */
  partitions: number;
  created: boolean;
}

/** Creates topics explicitly: the services never rely on auto-creation. */
export interface TopicAdmin {
  /** Creates the missing topics and returns once every partition of every topic has a leader. */
  ensureTopics(specs: TopicSpec[]): Promise<EnsuredTopic[]>;
  listTopics(): Promise<string[]>;
  /** Deletes the topics that exist; absent ones are not an error. */
  deleteTopics(topics: string[]): Promise<void>;
}
