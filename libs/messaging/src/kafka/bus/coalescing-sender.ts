import { MessageProducer, OutgoingMessage, TopicMessages } from '../message-producer.port';

interface Queued {
  topic: string;
  message: OutgoingMessage;
  bytes: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * What one send may carry, in bytes of keys and values. The broker refuses a record batch (all of
 * one request's messages for one partition) larger than its `message.max.bytes`, 1 MiB by
 * default, and a refused send fails every publish in it; a reply topic has one partition, so many
 * replies at once (pages of messages) would otherwise add up past it. Half the default leaves room
 * for headers and the batch's own framing.
 */
export const MAX_SEND_BYTES = 512 * 1024;

/**
 * The idempotent producer allows one request in flight, so one send per publish would cap a
 * process at one broker round trip per message. Publishes made while a send is in flight wait and
 * go together in the next one: under load one round trip carries many messages (up to
 * `maxSendBytes`, then the next round trip takes the rest), each topic's in the order they were
 * published, and an idle process still sends at once.
 */
export class CoalescingSender {
  private queue: Queued[] = [];
  private flushing = false;

  constructor(
    private readonly producer: MessageProducer,
    private readonly maxSendBytes = MAX_SEND_BYTES,
  ) {}

  send(topic: string, message: OutgoingMessage): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, message, bytes: sizeOf(message), resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const taken = this.takeOneSend();
      try {
        await this.producer.sendBatch(byTopic(taken));
        taken.forEach((entry) => entry.resolve());
      } catch (error) {
        taken.forEach((entry) => entry.reject(error));
      }
    }
    this.flushing = false;
  }

  /** The oldest publishes that fit in one send; always at least one, whatever its size. */
  private takeOneSend(): Queued[] {
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && (count === 0 || bytes + this.queue[count].bytes <= this.maxSendBytes)) {
      bytes += this.queue[count].bytes;
      count += 1;
    }
    return this.queue.splice(0, count);
  }
}

function sizeOf({ key, value }: OutgoingMessage): number {
  return Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : value.length);
}

function byTopic(entries: Queued[]): TopicMessages[] {
  const batches = new Map<string, OutgoingMessage[]>();
  for (const { topic, message } of entries) {
    const messages = batches.get(topic);
    if (messages) messages.push(message);
    else batches.set(topic, [message]);
  }
  return [...batches].map(([topic, messages]) => ({ topic, messages }));
}
