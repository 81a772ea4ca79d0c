import { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { ConsumedMessage } from './message-consumer.port';
import { OutgoingMessage } from './message-producer.port';

export function toKafkaMessage(message: OutgoingMessage): Message {
  return { key: message.key, value: message.value, headers: message.headers };
}

/**
 * Every message of ours has a key and a value; a record without one (written by some other
 * client) is mapped to empty ones rather than widening every handler's types for a case the
 * handler rejects anyway.
 */
export function toConsumedMessage(topic: string, partition: number, message: KafkaMessage): ConsumedMessage {
  return {
    topic,
    partition,
    // Kafka offsets are 64-bit; a number is exact up to 2^53, far beyond any partition's life.
    offset: Number(message.offset),
    key: message.key?.toString('utf8') ?? '',
    value: message.value ?? Buffer.alloc(0),
    headers: decodeHeaders(message.headers),
    timestamp: Number(message.timestamp),
  };
}

/** Kafka allows a header name to repeat; as in the Java client's `lastHeader`, the last one wins. */
export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) decoded[name] = value.toString();
  }
  return decoded;
}

/** The offset to commit after `offset` is processed: Kafka commits the next one to read. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
