/** One consumed message; the same shape as the transport-neutral envelope, with the raw value. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
  /** When the producer created it, epoch milliseconds. */
  timestamp: number;
}

/**
 * Handles consecutive messages of one partition, in order. Returning means every message is
 * processed and its offset may be committed; throwing means none is, and the same messages are
 * delivered again after a back-off. Throwing is therefore for transient failures only: a message
 * that can never succeed must be dealt with by the handler (dead-letter topic), or it blocks its
 * partition.
 */
export type ConsumedBatchHandler = (batch: ConsumedMessage[], context: BatchContext) => Promise<void>;

/** Lets a handler that takes long (retrying a failing batch) keep its partition and notice a stop. */
export interface BatchContext {
  /** False once the consumer stops or the partition was reassigned: the batch should be abandoned, uncommitted. */
  isActive(): boolean;
  /** Tells the group coordinator this member is alive, so a long batch does not cost it its partitions. */
  heartbeat(): Promise<void>;
}

export interface MessageConsumer {
  /** Joins the group and resolves once partitions are assigned and consumption has begun. */
  start(handler: ConsumedBatchHandler): Promise<void>;
  /** Waits for the batch in progress, commits it, leaves the group and disconnects. */
  stop(): Promise<void>;
  /** True while this consumer is a member of its group (joined, and not stopped, crashed or disconnected since). */
  isMember(): boolean;
}
