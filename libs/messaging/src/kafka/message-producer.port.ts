export interface OutgoingMessage {
  /** Messages with the same key land on the same partition, in the order they were sent. */
  key: string;
  value: Buffer | string;
  headers?: Record<string, string>;
}

export interface TopicMessages {
  topic: string;
  messages: OutgoingMessage[];
}

export interface MessageProducer {
  connect(): Promise<void>;
  /** Resolves once every message is acknowledged by all in-sync replicas. */
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
  /** Sends to several topics in one request per broker; each topic's messages keep their order. */
  sendBatch(batches: TopicMessages[]): Promise<void>;
  disconnect(): Promise<void>;
}
