export interface OutgoingMessage {
  /** Messages with the same key land on the same partition, in the order they were sent. */
  key: string;
  value: Buffer | string;
  headers?: Record<string, string>;
}

export interface MessageProducer {
  connect(): Promise<void>;
  /** Resolves once every message is acknowledged by all in-sync replicas. */
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}
