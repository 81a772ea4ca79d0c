import type { RecordedEvent } from './event-store.port';

export type SubscriptionHandler = (event: RecordedEvent) => Promise<void> | void;

export interface SubscribeOptions {
  /**
   * Where a subscription without a checkpoint starts: after this global position (exclusive).
   * Default: the beginning of the log. Ignored once the subscription has a checkpoint.
   */
  afterPosition?: bigint;
  /** How many events are read, handled and checkpointed together. Default 100. */
  batchSize?: number;
  /** How long a caught-up polling subscription waits before looking again. Default 100 ms. */
  pollIntervalMs?: number;
}

export type SubscriptionEnd = { type: 'stopped' } | { type: 'failed'; error: unknown };

export interface Subscription {
  readonly name: string;
  /** Stops delivery, stores the checkpoint of the last handled event and resolves when done. */
  stop(): Promise<void>;
  /**
   * Settles when the subscription ends: stopped, or failed because the handler or the backend
   * threw. Never rejects; a failed subscription keeps the checkpoint of the last handled event.
   */
  readonly ended: Promise<SubscriptionEnd>;
}
