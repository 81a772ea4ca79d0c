/** A message as every transport delivers it: keyed, with headers, in its partition's order. */
export interface Envelope<T = unknown> {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  value: T;
  headers: Record<string, string>;
}

/** Header names shared by every transport (Kafka headers carry the same names). */
export const Headers = {
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  replyTo: 'reply-to',
  schemaVersion: 'schema-version',
  deadLetterReason: 'dead-letter-reason',
  attempts: 'attempts',
  /** The id of the HTTP request a message was sent for (X-Request-Id at the gateway). */
  requestId: 'request-id',
} as const;

/**
 * Handles one batch of a partition, in order. It returns one entry per message: the reply to send
 * when the message was a request, or undefined. Throwing means "not processed": the whole batch is
 * delivered again (at-least-once), so handlers must be idempotent.
 */
export type BatchHandler<T = unknown, R = unknown> = (batch: Envelope<T>[]) => Promise<(R | undefined)[]>;
