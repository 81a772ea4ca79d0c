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
  /**
   * Publishes, and resolves once the message can no longer be lost by this process stopping: for
   * Kafka, once the broker has acknowledged it (every in-sync replica); for the in-process bus,
   * which keeps nothing across a restart, once every consumer group of the topic has handled it
   * (at once when none consumes the topic). What a handler does with it is not awaited beyond that:
   * no reply is asked for. This is how a writer hands work it need not wait for to another
   * service while still answering its client only after nothing of it can be lost.
   */
  handOver(topic: string, key: string, value: unknown, headers?: Record<string, string>): Promise<void>;
  subscribe<T, R>(
    topic: string,
    group: string,
    handler: BatchHandler<T, R>,
    options?: SubscribeOptions,
  ): void | Promise<void>;
  /** Rejects with RequestTimeoutError when no reply arrives within `timeoutMs`. */
  request<R>(
    topic: string,
    key: string,
    value: unknown,
    options: { timeoutMs: number; headers?: Record<string, string> },
  ): Promise<R>;
}
