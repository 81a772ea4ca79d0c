import type { BatchHandler } from './message-envelope';

/**
 * What the services need from a transport, whichever it is (in-process in embedded mode, Kafka in
 * distributed mode): keyed publish, consumer groups taking ordered batches per partition, and
 * request-reply with a deadline.
 */
export interface MessageBus {
  publish(topic: string, key: string, value: unknown, headers?: Record<string, string>): unknown;
  subscribe<T, R>(topic: string, group: string, handler: BatchHandler<T, R>): void | Promise<void>;
  /** Rejects with RequestTimeoutError when no reply arrives within `timeoutMs`. */
  request<R>(topic: string, key: string, value: unknown, options: { timeoutMs: number; headers?: Record<string, string> }): Promise<R>;
}
