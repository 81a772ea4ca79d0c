import { Headers } from '../../port/message-envelope';
import { ConsumedMessage } from '../message-consumer.port';
import { OutgoingMessage } from '../message-producer.port';

export const deadLetterTopicOf = (topic: string): string => `${topic}.dead-letter`;

/** The original bytes and headers, so an operator can replay the message exactly, plus why it was set aside. */
export function deadLetterOf(message: ConsumedMessage, error: unknown, attempts: number): OutgoingMessage {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    key: message.key,
    value: message.value,
    headers: { ...message.headers, [Headers.deadLetterReason]: reason, [Headers.attempts]: String(attempts) },
  };
}
