import { MessageProducer, OutgoingMessage, TopicMessages } from '../message-producer.port';

interface Queued {
  topic: string;
  message: OutgoingMessage;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The idempotent producer allows one request in flight, so one send per publish would cap a
 * process at one broker round trip per message. Publishes made while a send is in flight wait and
 * go together in the next one: under load one round trip carries many messages, each topic's in
 * the order they were published, and an idle process still sends at once.
 */
export class CoalescingSender {
  private queue: Queued[] = [];
  private flushing = false;

  constructor(private readonly producer: MessageProducer) {}

  send(topic: string, message: OutgoingMessage): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, message, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const taken = this.queue;
      this.queue = [];
      try {
        await this.producer.sendBatch(byTopic(taken));
        taken.forEach((entry) => entry.resolve());
      } catch (error) {
        taken.forEach((entry) => entry.reject(error));
      }
    }
    this.flushing = false;
  }
}

function byTopic(entries: Queued[]): TopicMessages[] {
  const batches = new Map<string, OutgoingMessage[]>();
  for (const { topic, message } of entries) batches.set(topic, [...(batches.get(topic) ?? []), message]);
  return [...batches].map(([topic, messages]) => ({ topic, messages }));
}
