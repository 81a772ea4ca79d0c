import type { BatchHandler } from './message-envelope';

export interface SubscribeOptions {
  /**
   * What a batch that keeps failing turns into. `dead-letter` (the default): after the retries it
   * is split until the message that fails alone is found and moved to `<topic>.dead-letter`, so
   * the partition moves on. `retry`: it is delivered again, with backoff, until it succeeds; for
   * handlers that answer bad messages themselves, whose failures are therefore never the message's
   * fault (a database outage must not dead-letter a charge).
   */
  readonly onRepeatedFailure?: 'dead-letter' | 'retry';
}

/**
 * What the services need from a transport, whichever it is (in-process in embedded mode, Kafka in
 * distributed mode): keyed publish, consumer groups taking ordered batches per partition, and
 * request-reply with a deadline.
 */
export interface MessageBus {
  publish(topic: string, key: string, value: unknown, headers?: Record<string, string>): unknown;
  subscribe<T, R>(topic: string, group: string, handler: BatchHandler<T, R>, options?: SubscribeOptions): void | Promise<void>;
  /** Rejects with RequestTimeoutError when no reply arrives within `timeoutMs`. */
  request<R>(topic: string, key: string, value: unknown, options: { timeoutMs: number; headers?: Record<string, string> }): Promise<R>;
}
