import { type BatchHandler, type Envelope, Headers } from '../../port/message-envelope';
import { BatchContext, ConsumedMessage } from '../message-consumer.port';
import { OutgoingMessage } from '../message-producer.port';
import { MessagingLogger } from '../messaging-logger.port';
import { BatchAbandonedError } from './batch-abandoned.error';
import { MessageDecodeError } from './message-codec.error';
import { deadLetterOf, deadLetterTopicOf } from './dead-letter';
import { ReplyTopics } from './reply-topics';
import { type TopicCodecs, WIRE_SCHEMA_VERSION } from './topic-codecs';
import { encodeValue, WIRE_V1 } from './wire-v1.codec';
import { readValue } from './wire-version';

export interface DeliveryOptions {
  /** Deliveries of a batch before it is split to find the message that keeps failing. */
  maxAttempts: number;
  /** Wait before the n-th retry is n times this (at most 5 s), so a transient outage has time to pass. */
  retryBackoffMs: number;
  /** Keep delivering a failing batch instead of isolating a message for the dead-letter topic. */
  retryForever: boolean;
}

const MAX_BACKOFF_MS = 5_000;

export type Send = (topic: string, message: OutgoingMessage) => Promise<void>;

interface Decoded {
  raw: ConsumedMessage;
  envelope: Envelope;
  /** Read in the first wire format, so answered in it. */
  v1: boolean;
}

interface Reply {
  topic: string;
  message: OutgoingMessage;
}

/**
 * Runs one subscription's handler over consumed batches with the in-process bus' semantics:
 * retries, then halving to isolate a poison message for the dead-letter topic, replies sent
 * before the offsets are committed (the consumer commits once this returns).
 */
export class SubscriptionWorker {
  constructor(
    /** The subscription's topic, without the bus' namespace: what its codecs are chosen by. */
    private readonly topic: string,
    private readonly codecs: TopicCodecs,
    private readonly handler: BatchHandler,
    private readonly options: DeliveryOptions,
    private readonly send: Send,
    private readonly replyTopics: ReplyTopics,
    private readonly logger: MessagingLogger,
  ) {}

  async handle(batch: ConsumedMessage[], context: BatchContext): Promise<void> {
    let remaining = await this.decodeOrDeadLetter(batch);
    while (remaining.length > 0) remaining = remaining.slice(await this.deliver(remaining, context));
  }

  /**
   * A record that does not decode is dead-lettered at once; a request among them is answered with
   * the refusal its topic's codecs give (the ledger's `invalid_command`), as its handler would
   * have answered it, so that its requester is told rather than left to its deadline.
   */
  private async decodeOrDeadLetter(batch: ConsumedMessage[]): Promise<Decoded[]> {
    const decoded: Decoded[] = [];
    const refusals: Reply[] = [];
    const codec = this.codecs.request(this.topic);
    for (const raw of batch) {
      try {
        const value = readValue(raw, codec);
        decoded.push({ raw, envelope: { ...raw, value }, v1: raw.headers[Headers.schemaVersion] === WIRE_V1 });
      } catch (error) {
        await this.deadLetter(raw, error, 0);
        const refusal = error instanceof MessageDecodeError ? this.refusalOf(raw, error) : undefined;
        if (refusal !== undefined) refusals.push(refusal);
      }
    }
    await this.sendReplies(refusals);
    return decoded;
  }

  private refusalOf(raw: ConsumedMessage, error: MessageDecodeError): Reply | undefined {
    const version = raw.headers[Headers.schemaVersion];
    if (version !== undefined && version !== WIRE_SCHEMA_VERSION) return undefined;
    const text = this.codecs.refusal(this.topic, { message: error.reason, field: error.field });
    return text === undefined ? undefined : replyTo(raw, text, WIRE_SCHEMA_VERSION);
  }

  /** Returns how many messages from the start of `batch` are done (handled or dead-lettered). */
  private async deliver(batch: Decoded[], context: BatchContext): Promise<number> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.options.maxAttempts || this.options.retryForever; attempt++) {
      if (attempt > 1) await this.pause(attempt - 1, batch[0].raw, context);
      let replies: Reply[];
      try {
        replies = this.repliesOf(batch, await this.handler(batch.map((message) => message.envelope)));
      } catch (error) {
        lastError = error;
        if (attempt >= this.options.maxAttempts)
          this.logger.warn(
            `${batch[0].raw.topic}[${batch[0].raw.partition}]: a batch failed ${attempt} times: ${describe(error)}`,
          );
        continue;
      }
      await this.sendReplies(replies);
      return batch.length;
    }
    if (batch.length > 1) return this.deliver(batch.slice(0, Math.ceil(batch.length / 2)), context);
    await this.deadLetter(batch[0].raw, lastError, this.options.maxAttempts);
    return 1;
  }

  private async pause(retry: number, first: ConsumedMessage, context: BatchContext): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.retryBackoffMs * retry, MAX_BACKOFF_MS)));
    if (!context.isActive()) throw new BatchAbandonedError(first.topic, first.partition);
    await context.heartbeat();
  }

  /** Encoding happens here, inside the attempt, so a reply that cannot be sent counts as a failed handler. */
  private repliesOf(batch: Decoded[], replies: unknown[]): Reply[] {
    const out: Reply[] = [];
    batch.forEach(({ raw, envelope, v1 }, i) => {
      if (replies[i] === undefined) return;
      const reply = v1
        ? replyTo(raw, () => encodeValue(replies[i]), WIRE_V1)
        : replyTo(raw, () => this.codecs.reply(this.topic, envelope.value).encode(replies[i]), WIRE_SCHEMA_VERSION);
      if (reply !== undefined) out.push(reply);
    });
    return out;
  }

  /** A failed send throws out of the consumer: the batch is delivered again, replies and all. */
  private async sendReplies(replies: Reply[]): Promise<void> {
    if (replies.length === 0) return;
    const live = await this.replyTopics.filterExisting(replies.map((reply) => reply.topic));
    const dropped = replies.filter((reply) => !live.has(reply.topic));
    if (dropped.length > 0) this.logger.warn(`Dropped ${dropped.length} replies to reply topics that no longer exist`);
    try {
      await Promise.all(
        replies.filter((reply) => live.has(reply.topic)).map((reply) => this.send(reply.topic, reply.message)),
      );
    } catch (error) {
      this.replyTopics.forget(live);
      throw error;
    }
  }

  private async deadLetter(raw: ConsumedMessage, error: unknown, attempts: number): Promise<void> {
    const message = deadLetterOf(raw, error, attempts);
    this.logger.error(
      `Dead-lettered ${raw.topic}[${raw.partition}]@${raw.offset}: ${message.headers?.[Headers.deadLetterReason]}`,
    );
    await this.send(deadLetterTopicOf(raw.topic), message);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The reply to a request that asked for one (a hand-over asks for none), written in `version`. */
function replyTo(raw: ConsumedMessage, value: string | (() => string), version: string): Reply | undefined {
  const topic = raw.headers[Headers.replyTo];
  const correlationId = raw.headers[Headers.correlationId];
  if (topic === undefined || correlationId === undefined) return undefined;
  const headers = {
    [Headers.correlationId]: correlationId,
    [Headers.causationId]: `${raw.topic}/${raw.partition}/${raw.offset}`,
    [Headers.schemaVersion]: version,
  };
  return { topic, message: { key: raw.key, value: typeof value === 'string' ? value : value(), headers } };
}
